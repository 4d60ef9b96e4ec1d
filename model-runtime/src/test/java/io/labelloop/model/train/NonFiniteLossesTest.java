package io.labelloop.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The policy for batches whose loss is NaN or infinite. */
class NonFiniteLossesTest {

    private final NonFiniteLosses losses = new NonFiniteLosses();

    @Test
    void aFiniteLossIsStepped() {
        assertThat(losses.accept(0.7f)).isTrue();
        assertThat(losses.total()).isZero();
    }

    @Test
    void nanAndInfiniteLossesAreSkippedAndCounted() {
        assertThat(losses.accept(Float.NaN)).isFalse();
        assertThat(losses.accept(0.7f)).isTrue();
        assertThat(losses.accept(Float.POSITIVE_INFINITY)).isFalse();
        assertThat(losses.accept(0.6f)).isTrue();
        assertThat(losses.accept(Float.NEGATIVE_INFINITY)).isFalse();

        assertThat(losses.total()).isEqualTo(3);
        assertThat(losses.diverged()).as("never more than one in a row").isFalse();
    }

    @Test
    void threeInARowEvenAcrossAnEpochBoundaryMeanTheTrainingDiverged() {
        losses.accept(Float.NaN);
        losses.accept(Float.NaN);
        assertThat(losses.diverged()).isFalse();
        assertThat(losses.nextEpoch()).isEqualTo(2);

        losses.accept(Float.NaN);

        assertThat(losses.diverged()).isTrue();
        assertThat(losses.inARow()).isEqualTo(NonFiniteLosses.MAX_IN_A_ROW);
    }

    @Test
    void eachEpochCountsItsOwnSkippedBatchesWhileTheRunTotalKeepsGrowing() {
        losses.accept(Float.NaN);
        assertThat(losses.nextEpoch()).isEqualTo(1);
        losses.accept(0.5f);
        assertThat(losses.nextEpoch()).isZero();
        losses.accept(Float.NaN);
        losses.accept(Float.NaN);
        assertThat(losses.nextEpoch()).isEqualTo(2);
        assertThat(losses.total()).isEqualTo(3);
    }
}
