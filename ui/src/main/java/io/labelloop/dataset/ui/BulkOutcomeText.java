package io.labelloop.dataset.ui;

import java.util.Locale;

import io.labelloop.dataset.BulkOutcome;

/** What a bulk action reports: how many records it changed and how many it left alone, and why. */
final class BulkOutcomeText {

    /** Why a label or discard leaves a record alone: the revision check failed (or the record is gone). */
    static final String CHANGED = "changed by someone else since you saw them";
    /** Why a validate leaves a record alone. */
    static final String CHANGED_OR_UNSCORED = CHANGED + ", or no prediction to accept";

    private BulkOutcomeText() {
    }

    static String of(String done, BulkOutcome outcome, String whySkipped) {
        String applied = String.format(Locale.ROOT, "%s %,d applied", done, outcome.applied());
        if (outcome.skipped() == 0) {
            return applied + ".";
        }
        return String.format(Locale.ROOT, "%s, %,d skipped (%s).", applied, outcome.skipped(), whySkipped);
    }
}
