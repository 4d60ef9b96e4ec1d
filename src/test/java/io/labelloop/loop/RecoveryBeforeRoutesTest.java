package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.labelloop.LabelloopApplication;
import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import io.labelloop.store.StoreFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A restart during a training: the application, started on a store that holds an interrupted training, marks it
 * FAILED before any route of the loop starts, so a labels consumer that fires at once already retrains it.
 */
class RecoveryBeforeRoutesTest {

    private static final String LOOP = StoreFixture.uniqueName("recovered");
    /** What the loop's route saw when it started: the interrupted version's status. */
    private static final AtomicReference<ModelStatus> SEEN_AT_ROUTE_START = new AtomicReference<>();

    @Test
    void anInterruptedTrainingIsMarkedFailedBeforeTheLoopsRoutesStart() throws Exception {
        ModelRegistry registry = new ModelRegistry(StoreFixture.store());
        new DatasetService(StoreFixture.store(), DatasetProperties.defaults()).create(LOOP, List.of("NEGATIVE", "POSITIVE"));
        registry.register(version("v1", 0));
        registry.promote(LOOP, "v1");
        registry.register(version("v2", 40)); // registered when its training started, never marked trained
        Path home = home();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LabelloopApplication.class, Probe.class)
                .web(WebApplicationType.NONE)
                .run("--labelloop.opensearch.uris=" + StoreFixture.store().httpUri(),
                        "--labelloop.loops.home=" + home,
                        "--labelloop.loops.models-dir=" + home.resolve("models"),
                        "--labelloop.sample.enabled=false")) {
            assertThat(SEEN_AT_ROUTE_START.get()).as("status of v2 when the loop's route started")
                    .isEqualTo(ModelStatus.FAILED);
        }
    }

    @Configuration
    static class Probe {

        @Bean
        EventNotifier routeStartProbe(ModelRegistry registry) {
            return new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.RouteStartingEvent starting
                            && starting.getRoute().getRouteId().startsWith(LOOP)) {
                        SEEN_AT_ROUTE_START.compareAndSet(null, registry.find(LOOP, "v2").orElseThrow().status());
                    }
                }
            };
        }
    }

    private static Path home() throws Exception {
        Path home = StoreFixture.tempDir("labelloop-recovery-");
        Path labels = Path.of("..").toAbsolutePath().normalize().resolve("config/labels/banking-sentiment.yaml");
        LoopFiles.write(home, LOOP, LoopFiles.MINIMAL.replace("dataset: ds", "dataset: " + LOOP)
                + "label-set: " + labels + "\n");
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes").resolve(LOOP + ".yaml"), """
                - route:
                    id: %s-retrain
                    from:
                      uri: labelloop:%s
                      parameters:
                        trigger: labels
                      steps:
                        - log: "labels: ${header.LabelloopNewLabels}"
                """.formatted(LOOP, LOOP));
        return home;
    }

    private static ModelVersion version(String version, int trainingSize) {
        return new ModelVersion(LOOP, version, 0, LOOP, "all-minilm-l6-v2", List.of("NEGATIVE", "POSITIVE"),
                trainingSize, trainingSize, "", Map.of(), Map.of(), "/nowhere", null, ModelStatus.CANDIDATE);
    }
}
