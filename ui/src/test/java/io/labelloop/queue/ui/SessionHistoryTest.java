package io.labelloop.queue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionHistoryTest {

    private final SessionHistory history = new SessionHistory();

    @Test
    void backGoesThroughTheDecidedRecordsLatestFirstAndStopsAtTheEarliest() {
        history.decided("a");
        history.decided("b");

        assertThat(history.back()).contains("b");
        assertThat(history.back()).contains("a");
        assertThat(history.back()).isEmpty();
        assertThat(history.shown()).isEqualTo("a");
        assertThat(history.stepsBack()).isEqualTo(2);
    }

    @Test
    void forwardReturnsThroughTheSameRecordsToTheCurrentOne() {
        history.decided("a");
        history.decided("b");
        history.back();
        history.back();

        assertThat(history.forward()).contains("b");
        assertThat(history.forward()).as("the current record again").isEmpty();
        assertThat(history.lookingBack()).isFalse();
    }

    @Test
    void anUndoForgetsTheLatestDecisionAndShowsTheCurrentRecord() {
        history.decided("a");
        history.decided("b");
        history.back();

        history.undone();

        assertThat(history.lookingBack()).isFalse();
        assertThat(history.back()).contains("a");
    }

    @Test
    void withNothingDecidedThereIsNothingBack() {
        assertThat(history.back()).isEmpty();
        assertThat(history.forward()).isEmpty();
    }
}
