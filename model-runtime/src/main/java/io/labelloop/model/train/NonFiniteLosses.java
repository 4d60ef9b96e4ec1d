package io.labelloop.model.train;

/**
 * What a batch whose loss is NaN or infinite does to a training run. Its step is skipped: the update would write
 * NaN or inf into the weights and the Adam moments for good. A few such batches in a row end the run, because by
 * then the weights have usually blown up (too large for a finite loss, or NaN themselves) and every later batch
 * would be skipped too.
 */
public final class NonFiniteLosses {

    /** Batches in a row (across epoch boundaries) with a non-finite loss that end the training. */
    public static final int MAX_IN_A_ROW = 3;

    private int inARow;
    private int inEpoch;
    private int total;

    /** Records a batch's loss; false when it is not finite and the batch's step must be skipped. */
    boolean accept(float loss) {
        if (Float.isFinite(loss)) {
            inARow = 0;
            return true;
        }
        inARow++;
        inEpoch++;
        total++;
        return false;
    }

    /** Whether so many losses in a row were not finite that training must stop. */
    boolean diverged() {
        return inARow >= MAX_IN_A_ROW;
    }

    /** Non-finite losses in the current run of them. */
    int inARow() {
        return inARow;
    }

    /** Starts counting a new epoch's skipped batches; returns the finished epoch's count. */
    int nextEpoch() {
        int finished = inEpoch;
        inEpoch = 0;
        return finished;
    }

    /** Batches skipped so far in the run. */
    int total() {
        return total;
    }
}
