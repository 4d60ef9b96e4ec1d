package io.labelloop.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.labelloop.model.infer.EngineSetup;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Gradient housekeeping on real PyTorch arrays. */
class GradientsTest {

    @Test
    void zeroingClearsAGradientHoldingNanAndInfinitySoTheNextBatchGetsOnlyItsOwnGradient() {
        EngineSetup.configure(0, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {4, 0, -1, 1});
            x.setRequiresGradient(true);
            backward(x, a -> a.sqrt().sum()); // d sqrt(x) / dx = 1 / (2 sqrt(x)): infinite at 0, NaN at -1
            assertThat(x.getGradient().toFloatArray()).containsExactly(0.25f, Float.POSITIVE_INFINITY, Float.NaN, 0.5f);

            Gradients.zero(x);

            assertThat(x.getGradient().toFloatArray()).containsExactly(0f, 0f, 0f, 0f);
            backward(x, a -> a.mul(3).sum());
            assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f, 3f, 3f);
        }
    }

    @Test
    void zeroingAnArrayThatHasNoGradientYetLeavesItWithout() {
        EngineSetup.configure(0, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2});
            x.setRequiresGradient(true);

            Gradients.zero(x);

            backward(x, a -> a.mul(2).sum());
            assertThat(x.getGradient().toFloatArray()).containsExactly(2f, 2f);
        }
    }

    @Test
    void theFirstParameterHoldingNanOrInfinityIsNamed() {
        EngineSetup.configure(0, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter fine = parameter("fine", m.create(new float[] {1, -2, 3e38f}));
            Parameter infinite = parameter("infinite", m.create(new float[] {1, Float.NEGATIVE_INFINITY}));
            Parameter nan = parameter("nan", m.create(new float[] {Float.NaN}));

            assertThat(Gradients.firstNonFinite(List.of(fine, infinite, nan))).contains("infinite");
            assertThat(Gradients.firstNonFinite(List.of(fine, nan))).contains("nan");
            assertThat(Gradients.firstNonFinite(List.of(fine))).isEmpty();
        }
    }

    /** Autograd records only inside a collector, so the forward pass runs there too. */
    private static void backward(NDArray x, UnaryOperator<NDArray> forward) {
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            collector.backward(forward.apply(x));
        }
    }

    private static Parameter parameter(String name, NDArray array) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(array).build();
    }
}
