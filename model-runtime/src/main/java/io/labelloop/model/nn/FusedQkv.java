package io.labelloop.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The query, key and value projections of a layer as one (3H, H) linear: one matrix product instead of three,
 * which is faster for the short texts scoring sees. The fused array is the parameter that training updates;
 * outside the encoder (weight files, HuggingFace checkpoints) the three projections keep their BERT names.
 */
public final class FusedQkv {

    static final String FUSED = "attention.self.qkv";
    static final List<String> PARTS = List.of("attention.self.query", "attention.self.key", "attention.self.value");

    private FusedQkv() {
    }

    /**
     * Replaces the query, key and value weights and biases of {@code layerPrefix} (e.g. {@code encoder.layer.0.}) by
     * their fused arrays in {@code weights}, closing the separate ones, unless the fused arrays are already there.
     */
    static void fuse(Map<String, NDArray> weights, String layerPrefix) {
        for (String kind : List.of(".weight", ".bias")) {
            String fused = layerPrefix + FUSED + kind;
            if (weights.containsKey(fused)) {
                continue;
            }
            NDList parts = new NDList();
            for (String part : PARTS) {
                NDArray array = weights.get(layerPrefix + part + kind);
                if (array == null) {
                    throw new ModelException("weight '" + layerPrefix + part + kind + "' is missing");
                }
                parts.add(array);
            }
            weights.put(fused, NDArrays.concat(parts));
            for (String part : PARTS) {
                weights.remove(layerPrefix + part + kind).close();
            }
        }
    }

    /** A fused tensor as its three BERT-named parts (query, key, value); any other tensor unchanged. */
    public static List<TensorData> split(TensorData t) {
        int at = t.name().indexOf(FUSED + ".");
        if (at < 0) {
            return List.of(t);
        }
        String prefix = t.name().substring(0, at);
        String kind = t.name().substring(at + FUSED.length());
        long[] shape = t.shape().clone();
        shape[0] /= 3;
        int size = t.data().length / 3;
        return List.of(part(t, prefix + PARTS.get(0) + kind, shape, 0, size),
                part(t, prefix + PARTS.get(1) + kind, shape, 1, size),
                part(t, prefix + PARTS.get(2) + kind, shape, 2, size));
    }

    private static TensorData part(TensorData t, String name, long[] shape, int index, int size) {
        return new TensorData(name, shape, Arrays.copyOfRange(t.data(), index * size, (index + 1) * size));
    }
}
