package io.labelloop.model;

import java.util.Arrays;

/**
 * A float32 tensor on the Java heap, as read from a weights file before it becomes an NDArray.
 *
 * @param name the canonical parameter name (BERT naming, e.g. {@code encoder.layer.0.attention.self.query.weight})
 * @param shape the dimensions, PyTorch layout (linear weights are [out, in])
 * @param data the values, row-major
 */
record TensorData(String name, long[] shape, float[] data) {

    TensorData {
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (size != data.length) {
            throw new ModelException("tensor '" + name + "' has shape " + Arrays.toString(shape) + " but " + data.length + " values");
        }
    }

    /** The [in, out] -> [out, in] transpose that ONNX MatMul weights need to become PyTorch linear weights. */
    TensorData transposed2d(String newName) {
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

    TensorData renamed(String newName) {
        return new TensorData(newName, shape, data);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
