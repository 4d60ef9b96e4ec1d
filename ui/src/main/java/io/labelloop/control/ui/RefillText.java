package io.labelloop.control.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.labelloop.loop.LoopProgress;

/** The empty queue's sentence: what refills it next, with the numbers a person can act on. */
final class RefillText {

    static final String NO_LOOP = "No loop feeds this dataset (config/loops): records enter the queue only through "
            + "the REST API.";

    /**
     * What the sentence is made of.
     *
     * @param loop        the loop feeding the dataset
     * @param paused      whether an admin paused it
     * @param running     its step running now, or null
     * @param labelsSince labels since the last training, or null when they could not be counted
     * @param everyLabels labels that start the next training
     */
    record Facts(String loop, boolean paused, LoopProgress running, Long labelsSince, int everyLabels) {
    }

    private RefillText() {
    }

    static String of(Facts f, Instant now) {
        if (f.paused()) {
            return "The loop " + f.loop() + " is paused: nothing refills the queue until an admin resumes it in Loops.";
        }
        if (f.running() != null) {
            return "The loop " + f.loop() + " is running its step \"" + f.running().task() + "\" now ("
                    + progress(f.running(), now) + "): the queue refills when the loop has scored and selected.";
        }
        if (f.labelsSince() == null) {
            return "The queue refills after the next training of " + f.loop() + " (every " + f.everyLabels()
                    + " new labels) or when an admin presses \"Trigger now\" in Loops.";
        }
        long missing = f.everyLabels() - f.labelsSince();
        if (missing <= 0) {
            return "A training of " + f.loop() + " is due now (" + f.labelsSince() + " new labels): the queue refills "
                    + "once the new model has scored the records.";
        }
        return String.format(Locale.ROOT, "The next training of %s starts after %d more labels (%d of %d since the "
                + "last training; labels given in Explore count too); the new model then refills the queue. An admin "
                + "can also press \"Trigger now\" in Loops.",
                f.loop(), missing, f.labelsSince(), f.everyLabels());
    }

    private static String progress(LoopProgress p, Instant now) {
        String done = String.format(Locale.ROOT, "%d of %d, %.0f%%", p.done(), p.total(), p.percent());
        Duration eta = p.eta(now);
        if (eta == null) {
            return done;
        }
        long minutes = Math.max(1, Math.round(eta.toSeconds() / 60.0));
        return done + ", about " + minutes + " min left";
    }
}
