package io.labelloop.queue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LabelingSessionTest {

    private Instant now = Instant.parse("2026-11-27T00:00:00Z");
    private final LabelingSession session = new LabelingSession(() -> now);

    @Test
    void paceIsLabelsPerHourSinceTheFirstLabel() {
        session.labeled();
        now = now.plus(Duration.ofMinutes(10));
        session.labeled();
        now = now.plus(Duration.ofMinutes(20));
        session.labeled();
        assertThat(session.count()).isEqualTo(3);
        assertThat(session.perHour()).isEqualTo(6);
    }

    @Test
    void aBurstInTheFirstMinuteIsCountedOverAMinuteAtLeast() {
        session.labeled();
        session.labeled();
        assertThat(session.perHour()).isEqualTo(120);
    }

    @Test
    void undoLowersTheCounterButNeverBelowZero() {
        session.undone();
        assertThat(session.count()).isZero();
        assertThat(session.perHour()).isZero();
    }

    @Test
    void discardsAreCountedApartFromLabelsAndAnUndoLowersTheCounterOfWhatItTookBack() {
        session.labeled();
        session.discarded();
        session.labeled();
        assertThat(session.count()).isEqualTo(2);
        assertThat(session.discards()).isEqualTo(1);

        session.undone();
        session.undone();

        assertThat(session.count()).isEqualTo(1);
        assertThat(session.discards()).isZero();
    }
}
