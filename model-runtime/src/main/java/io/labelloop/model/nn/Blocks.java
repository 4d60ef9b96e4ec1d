package io.labelloop.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import io.labelloop.model.core.ModelException;
import java.util.Map;

/** Helpers shared by the encoder's blocks. */
final class Blocks {

    private Blocks() {
    }

    /** A parameter holding an already imported array. */
    static Parameter parameter(Map<String, NDArray> weights, String name, Parameter.Type type) {
        NDArray array = weights.get(name);
        if (array == null) {
            throw new ModelException("weight '" + name + "' is missing");
        }
        return Parameter.builder().setName(name).setType(type).optArray(array).build();
    }

    /** Checks an imported weight has the expected shape. */
    static void expectShape(Parameter p, long... shape) {
        Shape expected = new Shape(shape);
        if (!p.getArray().getShape().equals(expected)) {
            throw new ModelException("weight '" + p.getName() + "' has shape " + p.getArray().getShape()
                    + " but the model configuration needs " + expected);
        }
    }

    /** {@code x W^T + b}: x (..., in), W (out, in) -> (..., out). */
    static NDArray linear(ParameterStore ps, NDArray x, Parameter w, Parameter b, boolean training) {
        NDArray weight = ps.getValue(w, x.getDevice(), training);
        NDArray bias = ps.getValue(b, x.getDevice(), training);
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    /**
     * Dropout of probability {@code rate} in training, replacing {@code x}: x itself when inactive (inference, or
     * rate 0), so that inference runs exactly the ops it ran without dropout and allocates nothing more; otherwise
     * a new array, and x is closed (autograd keeps its own reference).
     */
    static NDArray dropout(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0) {
            return x;
        }
        NDArray dropped = Dropout.dropout(x, rate, true).singletonOrThrow();
        x.close();
        return dropped;
    }

    static NDList list(NDArray... arrays) {
        return new NDList(arrays);
    }

    /**
     * A 0-d float32 array allocated by PyTorch itself, for an operation with a constant whose backward reads it.
     * DJL's {@code mul(Number)}, {@code div(Number)}, {@code maximum(Number)} and the like wrap the number with
     * {@code manager.create(n)} (torch::from_blob over a direct ByteBuffer that only that PtNDArray keeps alive) and close it
     * straight away; autograd still holds the tensor for the backward pass, which then reads freed memory once the GC has
     * reclaimed the buffer: garbage gradients, NaN weights, intermittently. {@code full} allocates in PyTorch, which
     * autograd's reference keeps alive.
     */
    static NDArray scalar(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }
}
