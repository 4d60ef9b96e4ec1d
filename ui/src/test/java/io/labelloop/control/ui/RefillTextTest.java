package io.labelloop.control.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.labelloop.loop.LoopProgress;

class RefillTextTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    @Test
    void labelsStillNeededAreCountedDownToTheNextTraining() {
        String text = RefillText.of(new RefillText.Facts("bank", false, null, 12L, 50), NOW);
        assertThat(text).contains("The next training of bank starts after 38 more labels (12 of 50 since the last training");
    }

    @Test
    void aTrainingThatIsDueSaysSoInsteadOfANegativeCount() {
        String text = RefillText.of(new RefillText.Facts("bank", false, null, 57L, 50), NOW);
        assertThat(text).startsWith("A training of bank is due now (57 new labels)").doesNotContain("-7");
    }

    @Test
    void aRunningStepShowsItsProgressAndTimeLeft() {
        LoopProgress scoring = new LoopProgress("bank", "score v3", 250, 1000, NOW.minusSeconds(60), true);
        String text = RefillText.of(new RefillText.Facts("bank", false, scoring, 57L, 50), NOW);
        assertThat(text).contains("\"score v3\" now (250 of 1000, 25%, about 3 min left)");
    }

    @Test
    void aPausedLoopWinsOverEverythingElse() {
        LoopProgress scoring = new LoopProgress("bank", "score v3", 250, 1000, NOW.minusSeconds(60), true);
        assertThat(RefillText.of(new RefillText.Facts("bank", true, scoring, 3L, 50), NOW))
                .contains("is paused").contains("resumes it in Loops");
    }

    @Test
    void labelsThatCannotBeCountedFallBackToTheRule() {
        assertThat(RefillText.of(new RefillText.Facts("bank", false, null, null, 50), NOW))
                .contains("every 50 new labels");
    }
}
