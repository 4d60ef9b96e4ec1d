package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LoopMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoopMetrics metrics = new LoopMetrics(registry);

    @Test
    void reEvaluatingAVersionUpdatesItsAccuracyGauge() {
        metrics.evaluated("demo", "v2", 0.80, 0.70);
        metrics.evaluated("demo", "v2", 0.90, 0.85);

        assertThat(registry.get("labelloop.model.accuracy").tag("version", "v2").gauge().value()).isEqualTo(0.90);
        assertThat(registry.get("labelloop.model.macro.f1").tag("version", "v2").gauge().value()).isEqualTo(0.85);
    }

    @Test
    void eachVersionKeepsItsOwnFigures() {
        metrics.evaluated("demo", "v1", 0.70, 0.60);
        metrics.evaluated("demo", "v2", 0.90, 0.85);

        assertThat(registry.get("labelloop.model.accuracy").tag("version", "v1").gauge().value()).isEqualTo(0.70);
        assertThat(registry.get("labelloop.model.accuracy").tag("version", "v2").gauge().value()).isEqualTo(0.90);
    }

    @Test
    void aLoopShowsZeroPromotionsBeforeItsFirstAndCountsEachAfter() {
        metrics.registerLoop("demo", () -> 0, () -> 0);
        assertThat(registry.get("labelloop.promotions").tag("loop", "demo").counter().count()).isZero();

        metrics.promoted("demo", 2);

        assertThat(registry.get("labelloop.promotions").tag("loop", "demo").counter().count()).isEqualTo(1.0);
    }
}
