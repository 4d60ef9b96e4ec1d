package io.labelloop.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.loop.LoopFiles;
import io.labelloop.store.StoreFixture;
import io.labelloop.routes.RouteErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a route file gets told when it starts: a loop over a dataset missing from the embedded store, with no route
 * importing into it, refuses to start naming the route file, the loop and its dataset option; an unknown option is
 * thrown with the route file and the option meant.
 */
class RouteStartChecksTest {

    private static DatasetService datasets;

    private final RecordingLoopSteps steps = new RecordingLoopSteps();
    private String dataset;
    private Path home;
    private CamelContext camel;
    private LabelloopComponent component;

    @BeforeAll
    static void store() {
        datasets = new DatasetService(StoreFixture.store(), DatasetProperties.defaults());
    }

    @BeforeEach
    void startCamel() {
        dataset = StoreFixture.uniqueName("start-check");
        home = LoopFiles.home("orphan", LoopFiles.MINIMAL.replace("dataset: ds", "dataset: " + dataset));
        steps.datasets = name -> datasets.find(name).isPresent();
        component = new LabelloopComponent();
        component.setSteps(steps);
        component.setCatalog(LoopFiles.catalog(home));
        camel = new DefaultCamelContext();
        camel.setSourceLocationEnabled(true);
        camel.addComponent("labelloop", component);
        camel.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private Throwable load(String name, String yaml) throws Exception {
        Path file = Files.writeString(Files.createDirectories(home.resolve("routes")).resolve(name), yaml);
        return catchThrowable(() -> PluginHelper.getRoutesLoader(camel)
                .loadRoutes(ResourceHelper.resolveResource(camel, "file:" + file)));
    }

    private static final String RETRAIN = """
            - route:
                id: orphan-retrain
                from:
                  uri: labelloop:orphan
                  parameters:
                    trigger: labels
                  steps:
                    - to: labelloop:orphan?operation=train
            """;

    @Test
    void aLoopOverAMissingDatasetThatNoRouteImportsRefusesToStartNamingTheFileTheLoopAndTheOption() throws Exception {
        Throwable error = load("orphan-loop.yaml", RETRAIN);

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("orphan-loop.yaml line 8, route 'orphan-retrain'")
                .contains("loop 'orphan'").contains("dataset '" + dataset + "'")
                .contains("option 'dataset' of " + home.resolve("config/loops/orphan.yaml") + " line 1 ");
        assertThat(RouteErrors.describe(camel, error)).startsWith("route file ").contains("orphan-loop.yaml")
                .containsOnlyOnce("orphan-loop.yaml");
    }

    @Test
    void aRouteThatOnlySendsToTheLoopIsRefusedToo() throws Exception {
        Throwable error = load("orphan-start.yaml", """
                - route:
                    id: orphan-start
                    from:
                      uri: timer:orphan-start
                      parameters:
                        repeatCount: 1
                      steps:
                        - to: labelloop:orphan?operation=score
                """);

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("orphan-start.yaml line 8, route 'orphan-start'")
                .contains("option 'dataset'").contains(dataset);
    }

    @Test
    void aLoopConsumerOverAMissingDatasetIsNamedAtItsEndpointsLine() throws Exception {
        Throwable error = load("orphan-consumer.yaml", """
                - route:
                    id: orphan-consumer
                    from:
                      uri: labelloop:orphan?trigger=queue-low
                      steps:
                        - log: "never"
                """);

        assertThat(error.getMessage()).contains("orphan-consumer.yaml line 4, route 'orphan-consumer'")
                .contains("option 'dataset'");
    }

    @Test
    void aDatasetTheLoopsOwnImportStepCreatesDoesNotCountAsMissing() throws Exception {
        Throwable error = load("importing-loop.yaml", """
                - route:
                    id: orphan-start
                    from:
                      uri: direct:orphan-start
                      steps:
                        - toD: "labelloop:orphan?operation=import&file=${header.file}"
                        - to: labelloop:orphan?operation=score
                """ + RETRAIN);

        assertThat(error).isNull();
        assertThat(camel.getRouteController().getRouteStatus("orphan-retrain")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void aDatasetCreatedBeforeTheRoutesStartLikeTheSampleImportPasses() throws Exception {
        datasets.create(dataset, List.of("NEGATIVE", "POSITIVE"), 0.2);

        Throwable error = load("sample-loop.yaml", RETRAIN);

        assertThat(error).isNull();
        assertThat(camel.getRouteController().getRouteStatus("orphan-retrain")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void anUnknownOptionIsThrownWithTheRouteFileAndTheOptionItProbablyMeant() throws Exception {
        datasets.create(dataset, List.of("NEGATIVE", "POSITIVE"), 0.2);

        Throwable error = load("typo-loop.yaml", """
                - route:
                    id: typo
                    from:
                      uri: direct:go
                      steps:
                        - to: labelloop:orphan?operation=select&stratgy=margin
                """);

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).as("the line of the step with the option")
                .contains("typo-loop.yaml line 6, route 'typo'")
                .contains("unknown option 'stratgy' (did you mean 'strategy'?)")
                .contains("Unknown parameters=[{stratgy=margin}]");
    }

    @Test
    void anInvalidOptionValueOrAConsumerOptionTypoIsThrownWithTheRouteFileAtTheOptionsLine() throws Exception {
        datasets.create(dataset, List.of("NEGATIVE", "POSITIVE"), 0.2);

        Throwable badValue = load("bad-value.yaml", """
                - route:
                    id: bad-value
                    from:
                      uri: direct:go
                      steps:
                        - to: labelloop:orphan?operation=select&strategy=best
                """);
        Throwable consumerTypo = load("consumer-typo.yaml", """
                - route:
                    id: consumer-typo
                    from:
                      uri: labelloop:orphan?trigger=labels&treshold=5
                      steps:
                        - log: "never"
                """);
        Throwable parameterTypo = load("parameter-typo.yaml", """
                - route:
                    id: parameter-typo
                    from:
                      uri: labelloop:orphan
                      parameters:
                        trigger: labels
                        treshold: 5
                      steps:
                        - log: "never"
                """);
        Throwable parameterValue = load("parameter-value.yaml", """
                - route:
                    id: parameter-value
                    from:
                      uri: direct:go
                      steps:
                        - to: labelloop:orphan?operation=train
                        - to:
                            uri: labelloop:orphan
                            parameters:
                              operation: select
                              strategy: margin
                              batchSize: -1
                """);

        assertThat(badValue.getMessage()).contains("bad-value.yaml line 6,").contains("option 'strategy'")
                .contains("unknown strategy 'best'");
        assertThat(consumerTypo.getMessage()).contains("consumer-typo.yaml line 4,")
                .contains("unknown option 'treshold' (did you mean 'threshold'?)");
        assertThat(parameterTypo.getMessage()).contains("parameter-typo.yaml line 7, route 'parameter-typo'")
                .contains("unknown option 'treshold'");
        assertThat(parameterValue.getMessage()).contains("parameter-value.yaml line 12, route 'parameter-value'")
                .contains("option 'batchSize'");
    }

    /** The orphan loop evaluating on a held-out dataset, and a loop over that dataset to import it with. */
    private String withEvalDataset() {
        String eval = dataset + "-eval";
        LoopFiles.write(home, "orphan", """
                # evaluates on a held-out set of its own
                dataset: %s
                training:
                  every-labels: 5
                properties:
                  import-file: data/x.csv
                  eval-dataset: %s
                """.formatted(dataset, eval));
        LoopFiles.write(home, "held-out", "dataset: " + eval + "\n");
        component.setCatalog(LoopFiles.catalog(home));
        return eval;
    }

    @Test
    void aMissingEvalDatasetIsRefusedNamingItsOptionAndLineLikeTheLoopsOwnDataset() throws Exception {
        String eval = withEvalDataset();
        datasets.create(dataset, List.of("NEGATIVE", "POSITIVE"), 0.2);

        Throwable error = load("eval-loop.yaml", RETRAIN);

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("eval-loop.yaml line 8, route 'orphan-retrain'")
                .contains("option 'properties.eval-dataset' of " + home.resolve("config/loops/orphan.yaml") + " line 7 ")
                .contains("dataset '" + eval + "', which does not exist, and no route imports into it")
                .contains("./labelloop import --dataset " + eval).doesNotContain("option 'dataset'");
    }

    @Test
    void whenBothDatasetsAreMissingBothAreNamedInOneError() throws Exception {
        String eval = withEvalDataset();

        Throwable error = load("both-missing.yaml", RETRAIN);

        assertThat(error.getMessage()).contains("option 'dataset' of ").contains(" line 2 names dataset '" + dataset + "'")
                .contains("option 'properties.eval-dataset' of ").contains(" line 7 names dataset '" + eval + "'");
    }

    @Test
    void anEvalDatasetThatARouteImportsThroughTheLoopOverItDoesNotCountAsMissing() throws Exception {
        withEvalDataset();
        datasets.create(dataset, List.of("NEGATIVE", "POSITIVE"), 0.2);

        Throwable error = load("eval-import.yaml", """
                - route:
                    id: held-out-import
                    from:
                      uri: direct:held-out
                      steps:
                        - to: labelloop:held-out?operation=import&file=data/eval.csv&labelColumn=label
                """ + RETRAIN);

        assertThat(error).isNull();
        assertThat(camel.getRouteController().getRouteStatus("orphan-retrain")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void anEvalDatasetThatExistsPasses() throws Exception {
        String eval = withEvalDataset();
        datasets.create(dataset, List.of("NEGATIVE", "POSITIVE"), 0.2);
        datasets.create(eval, List.of("NEGATIVE", "POSITIVE"), 0.0);

        assertThat(load("eval-exists.yaml", RETRAIN)).isNull();
        assertThat(camel.getRouteController().getRouteStatus("orphan-retrain")).isEqualTo(ServiceStatus.Started);
    }
}
