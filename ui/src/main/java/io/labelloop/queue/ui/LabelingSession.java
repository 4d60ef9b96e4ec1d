package io.labelloop.queue.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/** What one annotator did in one browser tab: labels and discards (counted apart) and the pace shown under the record. */
final class LabelingSession {

    private final Supplier<Instant> clock;
    /** This tab's decisions, latest first (true for a discard), so that an undo lowers the right counter. */
    private final Deque<Boolean> decisions = new ArrayDeque<>();
    private Instant firstLabel;
    private int labeled;
    private int discarded;

    LabelingSession(Supplier<Instant> clock) {
        this.clock = clock;
    }

    void labeled() {
        if (firstLabel == null) {
            firstLabel = clock.get();
        }
        labeled++;
        decisions.push(false);
    }

    void discarded() {
        discarded++;
        decisions.push(true);
    }

    /** The latest decision was taken back; one made in an earlier tab changes no counter. */
    void undone() {
        Boolean discard = decisions.poll();
        if (discard == null) {
            return;
        }
        if (discard) {
            discarded--;
        } else {
            labeled--;
        }
    }

    int count() {
        return labeled;
    }

    int discards() {
        return discarded;
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
