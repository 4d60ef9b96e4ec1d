package io.labelloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.TextRecord;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.queue.QueueItem;
import io.labelloop.registry.ModelRegistry;

/** The store's beans wire up from configuration alone, as the application and the UI get them. */
@SpringBootTest(classes = StoreWiringTest.StoreBeans.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StoreWiringTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = {"io.labelloop.store", "io.labelloop.dataset", "io.labelloop.queue",
            "io.labelloop.registry"})
    static class StoreBeans {
    }

    @DynamicPropertySource
    static void sharedNode(DynamicPropertyRegistry registry) {
        registry.add("labelloop.opensearch.uris", () -> StoreFixture.store().httpUri().toString());
        registry.add("labelloop.queue.lease", () -> "90s");
    }

    @Autowired
    DatasetService datasets;
    @Autowired
    LabelingQueueService queue;
    @Autowired
    ModelRegistry registry;

    @Test
    void servicesComeFromTheContextConfiguredByProperties() {
        String name = StoreFixture.uniqueName("wired");
        datasets.create(name, List.of("a", "b"));
        datasets.log(name, List.of(TextRecord.of("1", "hello", Map.of())));
        queue.fill(name, List.of(new QueueItem("1", 1)));

        var claim = queue.claimNext(name, "ann").orElseThrow();

        assertThat(Duration.between(Instant.now(), claim.leaseUntil()).toSeconds()).isBetween(80L, 90L);
        assertThat(registry.current("nothing")).isEmpty();
    }
}
