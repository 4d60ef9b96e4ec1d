package io.labelloop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A BERT encoder built from DJL blocks: embeddings, then {@code layers} transformer layers.
 * Inputs: token ids (B, S) int64 and attention mask (B, S) int64; output: last hidden states (B, S, H).
 */
final class BertEncoderBlock extends ImportedBlock {

    /** Added to attention scores of padding: large enough to zero their softmax weight, small enough to stay finite. */
    private static final float MASKED = -1e4f;

    private final EncoderConfig config;
    private final EmbeddingsBlock embeddings;
    private final List<TransformerLayerBlock> layers = new ArrayList<>();

    /**
     * @param config the encoder's shape
     * @param weights canonical BERT-named arrays; they become the parameters (not copied)
     */
    BertEncoderBlock(EncoderConfig config, Map<String, NDArray> weights) {
        this.config = config;
        embeddings = addChildBlock("embeddings", new EmbeddingsBlock(config, weights));
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new TransformerLayerBlock(config, weights, i)));
        }
    }

    EncoderConfig config() {
        return config;
    }

    EmbeddingsBlock embeddings() {
        return embeddings;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0); // (B, S)
        NDArray mask = inputs.get(1); // (B, S)
        NDArray x = embeddings.forward(ps, new NDList(ids), training).singletonOrThrow(); // (B, S, H)
        try (NDArray bias = maskBias(mask)) {
            for (TransformerLayerBlock layer : layers) {
                NDArray next = layer.forward(ps, new NDList(x, bias), training).singletonOrThrow();
                x.close();
                x = next;
            }
        }
        return new NDList(x);
    }

    /** (B, S) mask of 1 and 0 -> (B, 1, 1, S) additive bias of 0 and {@link #MASKED}. */
    private static NDArray maskBias(NDArray mask) {
        try (NDArray f = mask.toType(DataType.FLOAT32, false);
             NDArray inverted = f.sub(1f).neg(); // 1 for padding, 0 for tokens
             NDArray scaled = inverted.mul(MASKED)) {
            return scaled.reshape(mask.getShape().get(0), 1, 1, mask.getShape().get(1));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.hidden())};
    }
}
