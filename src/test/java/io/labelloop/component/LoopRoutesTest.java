package io.labelloop.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.labelloop.loop.LoopFiles;
import io.labelloop.routes.RouteErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The route files as users write them: the shipped loop loads and runs its steps; broken files are named. */
class LoopRoutesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private final RecordingLoopSteps steps = new RecordingLoopSteps();
    private CamelContext camel;

    @BeforeEach
    void startCamel() {
        LabelloopComponent component = new LabelloopComponent();
        component.setSteps(steps);
        component.setCatalog(LoopFiles.catalog(REPO));
        camel = new DefaultCamelContext();
        camel.setSourceLocationEnabled(true); // as application.yaml sets it: errors name the route file and line
        camel.addComponent("labelloop", component);
        camel.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private void load(Path file) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:" + file));
    }

    @Test
    void theShippedLoopScoresEvaluatesAndFillsTheQueueOnStart() throws Exception {
        load(REPO.resolve("routes/banking-sentiment.yaml"));

        await().atMost(Duration.ofSeconds(10)).until(() -> steps.calls.size() >= 3);
        assertThat(steps.calls).containsExactly("score", "evaluate v1", "select least-confidence 50");
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).contains("banking-sentiment-start",
                "banking-sentiment-retrain", "banking-sentiment-refill");
    }

    @Test
    void theShippedLoopRetrainsEvaluatesPromotesRescoresAndRefillsAfterFiftyLabels() throws Exception {
        load(REPO.resolve("routes/banking-sentiment.yaml"));
        await().atMost(Duration.ofSeconds(10)).until(() -> steps.calls.size() >= 3);
        steps.calls.clear();

        steps.newLabels.set(50);

        await().atMost(Duration.ofSeconds(15)).until(() -> steps.calls.size() >= 5);
        assertThat(steps.calls).containsExactly("train head 42", "evaluate v2", "promote v2 if-better accuracy",
                "score", "select least-confidence 50");
    }

    @Test
    void theIntentsLoopRunsBesideTheSentimentLoopWithBatchesOfSeventySeven() throws Exception {
        load(REPO.resolve("routes/banking-sentiment.yaml"));
        load(REPO.resolve("routes/banking77-intents.yaml"));

        await().atMost(Duration.ofSeconds(10)).until(() -> steps.calls.size() >= 6);
        assertThat(steps.calls).containsExactlyInAnyOrder("score", "evaluate v1", "select least-confidence 50",
                "score", "evaluate v1", "select least-confidence 77");
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).contains("banking77-intents-start",
                "banking77-intents-retrain", "banking77-intents-refill", "banking-sentiment-start");
    }

    @Test
    void beforeItsDatasetExistsTheIntentsLoopWaitsInsteadOfFailingItsStartRoute() throws Exception {
        steps.datasets = name -> !name.equals("banking77-intents");
        steps.missingDataset = "banking77-intents";
        List<String> outcomes = new CopyOnWriteArrayList<>();
        EventNotifierSupport startOutcomes = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent done && isStart(done.getExchange())) {
                    outcomes.add(done.getExchange().isFailed() ? "failed" : "completed");
                } else if (event instanceof CamelEvent.ExchangeFailedEvent failed && isStart(failed.getExchange())) {
                    outcomes.add("failed");
                }
            }
        };
        startOutcomes.start();
        camel.getManagementStrategy().addEventNotifier(startOutcomes);

        load(REPO.resolve("routes/banking77-intents.yaml"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !outcomes.isEmpty());
        assertThat(outcomes).containsExactly("completed");
        assertThat(steps.calls).isEmpty();
        assertThat(camel.getRoutes()).allSatisfy(r ->
                assertThat(camel.getRouteController().getRouteStatus(r.getRouteId())).isEqualTo(ServiceStatus.Started));
    }

    private static boolean isStart(Exchange exchange) {
        return "banking77-intents-start".equals(exchange.getFromRouteId());
    }

    @Test
    void invalidRouteYamlIsReportedWithItsFile() throws Exception {
        Path file = Files.createTempDirectory("routes").resolve("broken-loop.yaml");
        Files.writeString(file, "- route:\n    from:\n      uri: labelloop:banking-sentiment\n      steps: [oops\n");

        assertThatThrownBy(() -> load(file)).hasMessageContaining("broken-loop.yaml");
    }

    @Test
    void aRouteWithAnUnknownOptionIsReportedWithItsFileAndTheOption() throws Exception {
        Path file = Files.createTempDirectory("routes").resolve("typo-loop.yaml");
        Files.writeString(file, """
                - route:
                    from:
                      uri: direct:go
                      steps:
                        - to: labelloop:banking-sentiment?operation=select&stratgy=margin
                """);

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> load(file));

        assertThat(RouteErrors.describe(camel, error)).contains("typo-loop.yaml").contains("line ")
                .contains("Unknown parameters=[{stratgy=margin}]");
    }
}
