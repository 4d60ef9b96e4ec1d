package io.labelloop.loop;

import io.labelloop.LabelloopApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with its embedded OpenSearch node and the real MiniLM model, routes not started: one Spring
 * context that every loop test class extending this shares (same configuration, so Spring caches it).
 */
@SpringBootTest(classes = LabelloopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureObservability
abstract class EmbeddedLoopApp {

    static final Path WORK = temp();

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        registry.add("labelloop.opensearch.data-dir", () -> WORK.resolve("opensearch").toString());
        registry.add("labelloop.loops.home", () -> Path.of("..").toAbsolutePath().normalize().toString());
        registry.add("labelloop.loops.models-dir", () -> WORK.resolve("models").toString());
        registry.add("camel.main.auto-startup", () -> "false");
        registry.add("labelloop.sample.enabled", () -> "false");
    }

    @Autowired
    LoopCatalog catalog;

    /** The shipped banking-sentiment loop under another name, over another dataset, with extra loop properties. */
    LoopConfig variant(String name, String dataset, Map<String, String> properties) {
        LoopConfig base = catalog.get("banking-sentiment");
        LoopConfig loop = new LoopConfig(name, base.source(), dataset, base.labelSet(), base.baseModel(),
                base.selection(), base.training(), base.promotion(), base.queueLow(), properties);
        catalog.register(loop);
        return loop;
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("labelloop-loop-app-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
