package io.labelloop.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.labelloop.loop.LoopFiles;
import io.labelloop.loop.LoopPausedException;
import io.labelloop.model.query.QueryStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class LabelloopComponentTest {

    private final RecordingLoopSteps steps = new RecordingLoopSteps();
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void startCamel() {
        Path home = LoopFiles.home("demo", LoopFiles.MINIMAL);
        LabelloopComponent component = new LabelloopComponent();
        component.setSteps(steps);
        component.setCatalog(LoopFiles.catalog(home));
        camel = new DefaultCamelContext();
        camel.addComponent("labelloop", component);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private void route(String from, String to) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    @Test
    void selectTakesTheLoopFilesSettingsUnlessTheEndpointOverridesThem() throws Exception {
        route("direct:file", "labelloop:demo?operation=select");
        route("direct:override", "labelloop:demo?operation=select&strategy=margin&batchSize=7&maxScore=0.8");

        template.sendBody("direct:file", null);
        assertThat(steps.lastSelection.strategy()).isEqualTo(QueryStrategy.LEAST_CONFIDENCE);
        assertThat(steps.lastSelection.batchSize()).isEqualTo(50);

        template.sendBody("direct:override", null);
        assertThat(steps.lastSelection.strategy()).isEqualTo(QueryStrategy.MARGIN);
        assertThat(steps.lastSelection.batchSize()).isEqualTo(7);
        assertThat(steps.lastSelection.maxScore()).isEqualTo(0.8);
    }

    @Test
    void aStepStoppedForAPauseEndsItsExchangeQuietlyAsPausedWithoutRunningTheRestOfTheRoute() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:retrain").to("labelloop:demo?operation=score").to("labelloop:demo?operation=select");
            }
        });
        steps.pauseOn = "score";

        Exchange paused = template.request("direct:retrain", e -> { });

        assertThat(paused.getException()).as("a pause is no failure").isNull();
        assertThat(paused.getMessage().getHeader(LabelloopConstants.PAUSED, Boolean.class)).isTrue();
        assertThat(paused.getProperty(LoopPausedException.EXCHANGE_PROPERTY, LoopPausedException.class))
                .hasMessageContaining("paused at 512 of 3072");
        assertThat(steps.calls).as("the select after the paused score did not run").isEmpty();
    }

    @Test
    void eachStepWritesWhatItDidIntoTheHeaders() throws Exception {
        route("direct:train", "labelloop:demo?operation=train");
        route("direct:evaluate", "labelloop:demo?operation=evaluate");
        route("direct:select", "labelloop:demo?operation=select");

        Exchange trained = template.request("direct:train", e -> { });
        assertThat(trained.getMessage().getHeaders()).containsEntry(LabelloopConstants.MODEL_VERSION, "v2")
                .containsEntry(LabelloopConstants.LOOP, "demo").containsEntry(LabelloopConstants.DATASET, "ds")
                .containsEntry(LabelloopConstants.RECORD_COUNT, 7L);
        Exchange evaluated = template.request("direct:evaluate",
                e -> e.getMessage().setHeader(LabelloopConstants.MODEL_VERSION, "v2"));
        assertThat(evaluated.getMessage().getHeaders()).containsEntry(LabelloopConstants.ACCURACY, 0.9)
                .containsEntry(LabelloopConstants.MACRO_F1, 0.85);
        assertThat(steps.calls).contains("evaluate v2");
        Exchange selected = template.request("direct:select", e -> { });
        assertThat(selected.getMessage().getHeader(LabelloopConstants.FILLED_BEYOND_WINDOW)).isEqualTo(true);
    }

    @Test
    void promoteActsOnTheVersionTheTrainStepProducedWithTheLoopsPolicy() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:retrain").to("labelloop:demo?operation=train").to("labelloop:demo?operation=promote");
            }
        });

        Exchange done = template.request("direct:retrain", e -> { });

        assertThat(steps.calls).containsExactly("train head 42", "promote v2 if-better accuracy");
        assertThat(done.getMessage().getHeader(LabelloopConstants.PROMOTED)).isEqualTo(true);
    }

    @Test
    void theOperationHeaderOverridesTheEndpointsOperation() throws Exception {
        route("direct:any", "labelloop:demo?operation=score");

        Exchange exported = template.request("direct:any",
                e -> e.getMessage().setHeader(LabelloopConstants.OPERATION, "export"));

        assertThat(steps.calls).isEmpty();
        assertThat(exported.getException()).hasMessageContaining("operation export failed")
                .hasMessageContaining("option 'file' is required");
    }

    @Test
    void aFailingStepSetsAnErrorOnTheExchangeNamingTheLoopAndOperation() throws Exception {
        route("direct:train", "labelloop:demo?operation=train");
        steps.failOn = "train";

        Exchange failed = template.request("direct:train", e -> { });

        assertThat(failed.getException())
                .hasMessageContaining("demo: operation train failed")
                .hasMessageContaining("loop 'demo'")
                .hasMessageContaining("no validated records");
    }

    @Test
    void anUnknownStrategyStopsTheRouteAtStartNamingLoopAndOption() {
        assertThatThrownBy(() -> route("direct:x", "labelloop:demo?operation=select&strategy=best"))
                .isInstanceOf(FailedToCreateRouteException.class)
                .hasMessageContaining("loop 'demo'")
                .hasMessageContaining("option 'strategy'")
                .hasMessageContaining("unknown strategy 'best'");
    }

    @Test
    void aThresholdOfZeroIsRefusedAtStart() {
        assertThatThrownBy(() -> route("labelloop:demo?trigger=labels&threshold=0", "log:x"))
                .isInstanceOf(FailedToCreateRouteException.class)
                .hasMessageContaining("option 'threshold' must be greater than 0, got 0");
    }

    @Test
    void anUnknownOptionOrLoopIsRefusedAtStart() {
        assertThatThrownBy(() -> route("direct:x", "labelloop:demo?operation=score&batchSzie=3"))
                .isInstanceOf(FailedToCreateRouteException.class).hasMessageContaining("batchSzie");
        assertThatThrownBy(() -> route("direct:y", "labelloop:nowhere?operation=score"))
                .isInstanceOf(FailedToCreateRouteException.class)
                .hasMessageContaining("loop 'nowhere'").hasMessageContaining("config/loops/nowhere.yaml");
    }

    @Test
    void importPassesTheFileAndColumns() throws Exception {
        route("direct:import", "labelloop:demo?operation=import&file=data/in.csv&labelColumn=label");

        Exchange done = template.request("direct:import", e -> { });

        assertThat(steps.calls).containsExactly("import data/in.csv text label");
        assertThat(done.getMessage().getHeader(LabelloopConstants.RECORD_COUNT)).isEqualTo(3L);
    }

    @Test
    void theLabelsConsumerFiresOnceWhenTheThresholdIsReached() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("labelloop:demo?trigger=labels&delay=20&initialDelay=0").to("labelloop:demo?operation=train");
            }
        });
        steps.newLabels.set(4);
        Thread.sleep(200);
        assertThat(steps.calls).isEmpty();

        steps.newLabels.set(5);

        await().atMost(Duration.ofSeconds(5)).until(() -> steps.calls.contains("train head 42"));
        Thread.sleep(200);
        assertThat(steps.calls).containsExactly("train head 42");
    }

    @Test
    void theLabelsConsumerWaitsForTheLabelsToSettleBeforeFiring() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("labelloop:demo?trigger=labels&delay=20&initialDelay=0&debounce=600")
                        .to("labelloop:demo?operation=train");
            }
        });
        for (int i = 5; i < 12; i++) {
            steps.newLabels.set(i);
            Thread.sleep(100);
        }
        assertThat(steps.calls).isEmpty();

        await().atMost(Duration.ofSeconds(5)).until(() -> !steps.calls.isEmpty());
        assertThat(steps.calls).containsExactly("train head 42");
    }

    @Test
    void steadyLabelingThatNeverPausesStillTriggersARetrain() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("labelloop:demo?trigger=labels&delay=20&initialDelay=0&debounce=200")
                        .to("labelloop:demo?operation=train");
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (int labels = 5; steps.calls.isEmpty() && System.nanoTime() < deadline; labels++) {
            steps.newLabels.set(labels); // a new label every 20 ms: the count is never still for 200 ms
            Thread.sleep(20);
        }
        assertThat(steps.calls).containsExactly("train head 42");
    }

    @Test
    void aFailedRetrainIsNotRepeatedUntilMoreLabelsArrive() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("labelloop:demo?trigger=labels&delay=20&initialDelay=0").to("labelloop:demo?operation=score")
                        .to("labelloop:demo?operation=train");
            }
        });
        steps.failOn = "train";
        steps.newLabels.set(6);
        await().atMost(Duration.ofSeconds(5)).until(() -> steps.calls.size() == 1);
        Thread.sleep(300);
        assertThat(steps.calls).containsExactly("score");

        steps.newLabels.set(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> steps.calls.size() == 2);
    }

    @Test
    void theQueueLowConsumerRefillsBelowTheWatermarkButNotWhileARetrainIsDue() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("labelloop:demo?trigger=queue-low&delay=20&initialDelay=0").to("labelloop:demo?operation=select");
            }
        });
        steps.newLabels.set(5);
        steps.queueDepth.set(1);
        Thread.sleep(300);
        assertThat(steps.calls).isEmpty();

        steps.newLabels.set(0);

        await().atMost(Duration.ofSeconds(5)).until(() -> steps.calls.size() == 1);
        Thread.sleep(200);
        assertThat(steps.calls).as("fires once per depth").hasSize(1);
    }

    @Test
    void theGeneratedCatalogDocumentsEveryOptionAndHeader() throws Exception {
        String json;
        try (var in = getClass().getResourceAsStream("/META-INF/io/labelloop/component/labelloop.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var schema = new ObjectMapper().readTree(json);
        var properties = schema.get("properties");
        var headers = schema.get("headers");

        for (String option : new String[] {"loop", "operation", "trigger", "threshold", "strategy", "promotePolicy"}) {
            assertThat(properties.has(option)).as(option).isTrue();
        }
        properties.properties().forEach(p -> assertThat(p.getValue().path("description").asText())
                .as("description of " + p.getKey()).isNotBlank());
        assertThat(headers.has(LabelloopConstants.MODEL_VERSION) && headers.has(LabelloopConstants.ACCURACY)).isTrue();
    }
}
