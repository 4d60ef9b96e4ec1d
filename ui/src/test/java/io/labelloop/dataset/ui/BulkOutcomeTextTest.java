package io.labelloop.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.labelloop.dataset.BulkOutcome;

class BulkOutcomeTextTest {

    @Test
    void skippedRecordsAreCountedWithTheReason() {
        assertThat(BulkOutcomeText.of("Labeled NEGATIVE:", new BulkOutcome(1200, 3), BulkOutcomeText.CHANGED))
                .isEqualTo("Labeled NEGATIVE: 1,200 applied, 3 skipped (changed by someone else since you saw them).");
    }

    @Test
    void nothingSkippedSaysOnlyWhatWasApplied() {
        assertThat(BulkOutcomeText.of("Discarded:", new BulkOutcome(4, 0), BulkOutcomeText.CHANGED))
                .isEqualTo("Discarded: 4 applied.");
    }
}
