package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {

    private Instant now = Instant.parse("2026-11-27T00:00:00Z");
    private final ProgressTracker tracker = new ProgressTracker(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void percentAndEtaFollowTheRateSoFar() {
        tracker.start("loop", "score v1", 1000);
        now = now.plusSeconds(10);
        tracker.update("loop", 250);

        LoopProgress p = tracker.progress("loop").orElseThrow();
        assertThat(p.percent()).isEqualTo(25.0);
        assertThat(p.eta(now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.running()).isTrue();
    }

    @Test
    void aFinishedTaskIsNoLongerRunningAndHasNoEtaBeforeAnyProgress() {
        tracker.start("loop", "train v2", 30);
        assertThat(tracker.progress("loop").orElseThrow().eta(now)).isNull();

        tracker.finish("loop");

        assertThat(tracker.progress("loop").orElseThrow().running()).isFalse();
        assertThat(tracker.progress("other")).isEmpty();
    }
}
