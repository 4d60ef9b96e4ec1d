package io.labelloop.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A float32 tensor on the Java heap, as read from a weights file before it becomes an NDArray.
 *
 * @param name the canonical parameter name (BERT naming, e.g. {@code encoder.layer.0.attention.self.query.weight})
 * @param shape the dimensions, PyTorch layout (linear weights are [out, in])
 * @param data the values, row-major
 */
public record TensorData(String name, long[] shape, float[] data) {

    /** Checks the values fill the shape. */
    public TensorData {
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (size != data.length) {
            throw new ModelException("tensor '" + name + "' has shape " + Arrays.toString(shape) + " but " + data.length + " values");
        }
    }

    /** The [in, out] -> [out, in] transpose that ONNX MatMul weights need to become PyTorch linear weights. */
    public TensorData transposed2d(String newName) {
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] t = new float[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = data[r * cols + c];
            }
        }
        return new TensorData(newName, new long[] {cols, rows}, t);
    }

    /** The same tensor under another name. */
    public TensorData renamed(String newName) {
        return new TensorData(newName, shape, data);
    }

    /** Host tensors to NDArrays owned by {@code m}, by name. */
    public static Map<String, NDArray> toArrays(NDManager m, Iterable<TensorData> tensors) {
        Map<String, NDArray> arrays = new HashMap<>();
        for (TensorData t : tensors) {
            arrays.put(t.name(), m.create(t.data(), new Shape(t.shape())));
        }
        return arrays;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
