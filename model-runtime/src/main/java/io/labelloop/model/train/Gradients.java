package io.labelloop.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Optional;

/** Gradient and weight checks of a training run on the PyTorch engine. */
final class Gradients {

    private Gradients() {
    }

    /**
     * Sets the gradient of a trainable array to zeros in place, whatever it held. Subtracting the gradient from itself
     * would not do: NaN - NaN and inf - inf are NaN, so one bad batch would poison every later one. This is PyTorch's
     * {@code grad.zero_()} (what DJL's own Adam update calls): it allocates nothing and leaves an array that has no
     * gradient yet alone.
     */
    static void zero(NDArray weight) {
        if (!(weight instanceof PtNDArray pt)) {
            throw new IllegalStateException("training runs on the PyTorch engine, but a parameter is a " + weight.getClass().getName());
        }
        JniUtils.zeroGrad(pt);
    }

    /** The name of the first parameter holding a NaN or infinite value. Reads every value: for diagnosis, not every step. */
    static Optional<String> firstNonFinite(List<Parameter> params) {
        for (Parameter p : params) {
            NDArray weight = p.getArray();
            try (NDArray nan = weight.isNaN(); NDArray infinite = weight.isInfinite(); NDArray bad = nan.logicalOr(infinite);
                 NDArray any = bad.any()) {
                if (any.getBoolean()) {
                    return Optional.of(p.getName());
                }
            }
        }
        return Optional.empty();
    }
}
