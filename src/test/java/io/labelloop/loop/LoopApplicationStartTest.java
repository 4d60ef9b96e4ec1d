package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The whole application started in the dev profile on a store that holds a training a restart interrupted: the
 * training is marked FAILED before any route of the loop starts (so a labels consumer that fires at once retrains
 * it), and an edit to the loop's route file reloads its routes.
 */
class LoopApplicationStartTest {

    private static final String LOOP = StoreFixture.uniqueName("recovered");
    /** What the loop's route saw when it started: the interrupted version's status. */
    private static final AtomicReference<ModelStatus> SEEN_AT_ROUTE_START = new AtomicReference<>();

    private static Path home;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void startOnAStoreWithAnInterruptedTraining() throws Exception {
        ModelRegistry registry = new ModelRegistry(StoreFixture.store());
        new DatasetService(StoreFixture.store(), DatasetProperties.defaults()).create(LOOP, List.of("NEGATIVE", "POSITIVE"));
        registry.register(version("v1", 0));
        registry.promote(LOOP, "v1");
        registry.register(version("v2", 40)); // registered when its training started, never marked trained
        home = home();
        app = start(home, LabelloopApplication.class, Probe.class);
    }

    /** The application in the dev profile on the shared store, with its loops and routes in {@code home}. */
    private static ConfigurableApplicationContext start(Path home, Class<?>... sources) {
        return new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE)
                .run("--spring.profiles.active=dev",
                        "--labelloop.opensearch.uris=" + StoreFixture.store().httpUri(),
                        "--labelloop.loops.home=" + home,
                        "--labelloop.loops.models-dir=" + home.resolve("models"),
                        "--labelloop.sample.enabled=false");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anInterruptedTrainingIsMarkedFailedBeforeTheLoopsRoutesStart() {
        assertThat(SEEN_AT_ROUTE_START.get()).as("status of v2 when the loop's route started")
                .isEqualTo(ModelStatus.FAILED);
    }

    @Test
    void inTheDevProfileAnEditedRouteFileIsReloaded() throws Exception {
        CamelContext camel = app.getBean(CamelContext.class);
        assertThat(camel.getRoute(LOOP + "-refill")).isNull();

        Files.writeString(routeFile(), ROUTES + """
                - route:
                    id: %s-refill
                    from:
                      uri: labelloop:%s
                      parameters:
                        trigger: queue-low
                      steps:
                        - log: "refill"
                """.formatted(LOOP, LOOP));

        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute(LOOP + "-refill") != null);
        assertThat(camel.getRoute(LOOP + "-retrain")).isNotNull();
    }

    @Test
    void theApplicationRefusesToStartALoopOverAMissingDatasetNamingTheRouteFileTheLoopAndTheOption() {
        String loop = StoreFixture.uniqueName("missing");
        Path other = home(loop, loop + "-nowhere");

        Throwable error = catchThrowable(() -> start(other, LabelloopApplication.class).close());

        assertThat(error).isNotNull();
        assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(error).getMessage())
                .contains("route file ").contains(loop + ".yaml line ").contains("loop '" + loop + "'")
                .contains("option 'dataset'").contains("dataset '" + loop + "-nowhere'");
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

    private static final String ROUTES = routes(LOOP);

    private static String routes(String loop) {
        return """
                - route:
                    id: %s-retrain
                    from:
                      uri: labelloop:%s
                      parameters:
                        trigger: labels
                      steps:
                        - log: "labels: ${header.LabelloopNewLabels}"
                """.formatted(loop, loop);
    }

    private static Path routeFile() {
        return home.resolve("routes").resolve(LOOP + ".yaml");
    }

    private static Path home() {
        return home(LOOP, LOOP);
    }

    /** A Labelloop home with one loop over {@code dataset} and its retrain route. */
    private static Path home(String loop, String dataset) {
        try {
            Path dir = StoreFixture.tempDir("labelloop-start-");
            Path labels = Path.of("..").toAbsolutePath().normalize().resolve("config/labels/banking-sentiment.yaml");
            LoopFiles.write(dir, loop, LoopFiles.MINIMAL.replace("dataset: ds", "dataset: " + dataset)
                    + "label-set: " + labels + "\n");
            Files.createDirectories(dir.resolve("routes"));
            Files.writeString(dir.resolve("routes").resolve(loop + ".yaml"), routes(loop));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ModelVersion version(String version, int trainingSize) {
        return new ModelVersion(LOOP, version, 0, LOOP, "all-minilm-l6-v2", List.of("NEGATIVE", "POSITIVE"),
                trainingSize, trainingSize, "", Map.of(), Map.of(), "/nowhere", null, ModelStatus.CANDIDATE);
    }
}
