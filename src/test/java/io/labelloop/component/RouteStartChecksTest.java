package io.labelloop.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.loop.LoopFiles;
import io.labelloop.store.StoreFixture;
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

    @BeforeAll
    static void store() {
        datasets = new DatasetService(StoreFixture.store(), DatasetProperties.defaults());
    }

    @BeforeEach
    void startCamel() {
        dataset = StoreFixture.uniqueName("start-check");
        home = LoopFiles.home("orphan", LoopFiles.MINIMAL.replace("dataset: ds", "dataset: " + dataset));
        steps.datasets = name -> datasets.find(name).isPresent();
        LabelloopComponent component = new LabelloopComponent();
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
        assertThat(error.getMessage()).contains("orphan-loop.yaml line ").contains("route 'orphan-retrain'")
                .contains("loop 'orphan'").contains("option 'dataset'").contains("dataset '" + dataset + "'")
                .contains(home.resolve("config/loops/orphan.yaml").toString());
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
        assertThat(error.getMessage()).contains("orphan-start.yaml").contains("route 'orphan-start'")
                .contains("option 'dataset'").contains(dataset);
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
        assertThat(error.getMessage()).contains("typo-loop.yaml line ").contains("route 'typo'")
                .contains("unknown option 'stratgy' (did you mean 'strategy'?)")
                .contains("Unknown parameters=[{stratgy=margin}]");
    }

    @Test
    void anInvalidOptionValueOrAConsumerOptionTypoIsThrownWithTheRouteFile() throws Exception {
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

        assertThat(badValue.getMessage()).contains("bad-value.yaml line ").contains("option 'strategy'")
                .contains("unknown strategy 'best'");
        assertThat(consumerTypo.getMessage()).contains("consumer-typo.yaml line ")
                .contains("unknown option 'treshold' (did you mean 'threshold'?)");
    }
}
