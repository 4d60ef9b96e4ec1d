package io.labelloop.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
 * An encoder built with a dropout rate above 0 applies it, in training only, to the embeddings' output and inside
 * every layer (see {@link TransformerLayerBlock}), where BERT's {@code hidden_dropout_prob} and
 * {@code attention_probs_dropout_prob} apply.
 */
public final class BertEncoderBlock extends ImportedBlock {

    /** Added to attention scores of padding: large enough to zero their softmax weight, small enough to stay finite. */
    private static final float MASKED = -1e4f;

    private final EncoderConfig config;
    private final float dropout;
    private final EmbeddingsBlock embeddings;
    private final List<TransformerLayerBlock> layers = new ArrayList<>();

    /** An encoder without dropout, for inference and frozen-feature extraction; see the other constructor. */
    public BertEncoderBlock(EncoderConfig config, Map<String, NDArray> weights) {
        this(config, weights, 0f);
    }

    /**
     * @param config the encoder's shape
     * @param weights canonical BERT-named arrays; they become the parameters (not copied)
     * @param dropout hidden and attention-probability dropout rate of forward passes in training (0: none); only
     *     an encoder that is being fine-tuned should get one above 0
     */
    public BertEncoderBlock(EncoderConfig config, Map<String, NDArray> weights, float dropout) {
        this.config = config;
        this.dropout = dropout;
        embeddings = addChildBlock("embeddings", new EmbeddingsBlock(config, weights));
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new TransformerLayerBlock(config, weights, i, dropout)));
        }
    }

    /** The encoder's shape. */
    public EncoderConfig config() {
        return config;
    }

    EmbeddingsBlock embeddings() {
        return embeddings;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0); // (B, S)
        NDArray mask = inputs.get(1); // (B, S)
        long b = ids.getShape().get(0);
        long s = ids.getShape().get(1);
        NDArray x;
        try (NDArray embedded = embeddings.forward(ps, new NDList(ids), training).singletonOrThrow()) { // (B, S, H)
            x = embedded.reshape(b * s, config.hidden()); // (T, H): the layers work on all tokens at once
        }
        x = Blocks.dropout(x, dropout, training); // (T, H)
        try (NDArray bias = maskBias(mask); NDArray keyPadding = keyPadding(ids.getManager(), b, s)) {
            NDList attentionInputs = keyPadding == null ? new NDList(bias) : new NDList(bias, keyPadding);
            for (TransformerLayerBlock layer : layers) {
                NDList layerInputs = new NDList(x);
                layerInputs.addAll(attentionInputs);
                NDArray next = layer.forward(ps, layerInputs, training).singletonOrThrow();
                x.close();
                x = next;
            }
        }
        NDArray out = x.reshape(b, s, config.hidden());
        x.close();
        return new NDList(out);
    }

    /**
     * The masked score columns (B, N, S, W - S) that widen the attention scores of a batch shorter than
     * {@link TransformerLayerBlock#SOFTMAX_WIDTH} tokens, or null for longer batches.
     */
    private NDArray keyPadding(NDManager manager, long b, long s) {
        long missing = TransformerLayerBlock.SOFTMAX_WIDTH - s;
        return missing > 0 ? manager.full(new Shape(b, config.heads(), s, missing), MASKED) : null;
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
