package io.labelloop.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The whole classifier: encoder, pooling, head. Inputs: ids (B, S) and mask (B, S); output: logits (B, C).
 * {@link #features} and {@link #embedding} expose the pooled vectors for head-only training and diversity.
 */
public final class ClassifierBlock extends ImportedBlock {

    private final BertEncoderBlock encoder;
    private final ClassifierHeadBlock head;

    /** The classifier of an encoder and a head. */
    public ClassifierBlock(BertEncoderBlock encoder, ClassifierHeadBlock head) {
        this.encoder = addChildBlock("encoder", encoder);
        this.head = addChildBlock("head", head);
    }

    /** The encoder. */
    public BertEncoderBlock encoder() {
        return encoder;
    }

    /** The head. */
    public ClassifierHeadBlock head() {
        return head;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        try (NDArray features = features(ps, inputs.get(0), inputs.get(1), training)) {
            return head.forward(ps, new NDList(features), training);
        }
    }

    /** The head's input: pooled hidden states (B, H) as the head's pooling defines. */
    public NDArray features(ParameterStore ps, NDArray ids, NDArray mask, boolean training) {
        try (NDArray hidden = encoder.forward(ps, new NDList(ids, mask), training).singletonOrThrow()) { // (B, S, H)
            return switch (head.config().pooling()) {
                case CLS -> hidden.get(new NDIndex(":, 0, :")); // (B, H)
                case CLS_NORMALIZED -> clsNormalized(hidden);
                case MEAN_NORMALIZED -> meanNormalized(hidden, mask);
            };
        }
    }

    /**
     * The sentence vector (B, H), L2-normalised: the [CLS] token's for a head that pools it normalised (BGE),
     * otherwise the masked mean (also for HuggingFace classification heads, whose raw [CLS] is no sentence vector).
     */
    public NDArray embedding(ParameterStore ps, NDArray ids, NDArray mask) {
        try (NDArray hidden = encoder.forward(ps, new NDList(ids, mask), false).singletonOrThrow()) {
            return head.config().pooling() == HeadConfig.Pooling.CLS_NORMALIZED ? clsNormalized(hidden) : meanNormalized(hidden, mask);
        }
    }

    /** hidden (B, S, H) -> its first token (B, H), L2-normalised. */
    static NDArray clsNormalized(NDArray hidden) {
        try (NDArray cls = hidden.get(new NDIndex(":, 0, :"))) { // (B, H)
            return normalized(cls);
        }
    }

    /** hidden (B, S, H), mask (B, S) -> (B, H). */
    static NDArray meanNormalized(NDArray hidden, NDArray mask) {
        try (NDArray m = mask.toType(DataType.FLOAT32, false).expandDims(-1); // (B, S, 1)
             NDArray weighted = hidden.mul(m);
             NDArray sum = weighted.sum(new int[] {1}); // (B, H)
             NDArray count = m.sum(new int[] {1}); // (B, 1)
             NDArray safeCount = count.maximum(1e-9f);
             NDArray mean = sum.div(safeCount)) {
            return normalized(mean);
        }
    }

    /** v (B, H) -> v / max(|v|, 1e-12) per row. */
    private static NDArray normalized(NDArray v) {
        try (NDArray squares = v.square();
             NDArray sumSquares = squares.sum(new int[] {1}, true);
             NDArray norm = sumSquares.sqrt();
             NDArray floor = Blocks.scalar(norm.getManager(), 1e-12f); // autograd keeps it: not maximum(Number)
             NDArray safeNorm = norm.maximum(floor)) {
            return v.div(safeNorm);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), encoder.config().hidden())});
    }
}
