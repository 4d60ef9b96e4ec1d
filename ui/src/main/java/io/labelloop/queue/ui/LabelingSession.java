package io.labelloop.queue.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** What one annotator did in one browser tab: the counter and the pace shown under the record. */
final class LabelingSession {

    private final Supplier<Instant> clock;
    private Instant firstLabel;
    private int labeled;

    LabelingSession(Supplier<Instant> clock) {
        this.clock = clock;
    }

    void labeled() {
        if (firstLabel == null) {
            firstLabel = clock.get();
        }
        labeled++;
    }

    void undone() {
        labeled = Math.max(0, labeled - 1);
    }

    int count() {
        return labeled;
    }

    /** Labels per hour since the first label; a minute at least, so that two quick labels don't read 7,200/h. */
    long perHour() {
        if (firstLabel == null) {
            return 0;
        }
        Duration elapsed = Duration.between(firstLabel, clock.get());
        double hours = Math.max(elapsed.toMillis(), Duration.ofMinutes(1).toMillis()) / 3_600_000.0;
        return Math.round(labeled / hours);
    }
}
