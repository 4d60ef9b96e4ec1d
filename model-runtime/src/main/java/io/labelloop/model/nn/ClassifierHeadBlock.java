package io.labelloop.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.labelloop.model.core.TensorData;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pooled features (B, H) -> [dense + activation] -> dropout (training only) -> linear -> logits (B, C). */
public final class ClassifierHeadBlock extends ImportedBlock {

    /** The dense layer's weight, when the head has one. */
    public static final String PRE_WEIGHT = "head.pre.weight";
    static final String PRE_BIAS = "head.pre.bias";
    /** The classifier's weight (C, H). */
    public static final String WEIGHT = "head.classifier.weight";
    /** The classifier's bias (C). */
    public static final String BIAS = "head.classifier.bias";

    private final HeadConfig config;
    private final float dropout;
    private final Parameter preW;
    private final Parameter preB;
    private final Parameter w;
    private final Parameter b;

    /** A head whose parameters are the arrays named {@link #WEIGHT}, {@link #BIAS} (and the dense layer's) in {@code weights}. */
    public ClassifierHeadBlock(HeadConfig config, Map<String, NDArray> weights, int hidden, int labels, float dropout) {
        this.config = config;
        this.dropout = dropout;
        if (config.pre() != HeadConfig.Pre.NONE) {
            preW = addParameter(Blocks.parameter(weights, PRE_WEIGHT, Parameter.Type.WEIGHT));
            preB = addParameter(Blocks.parameter(weights, PRE_BIAS, Parameter.Type.BIAS));
            Blocks.expectShape(preW, hidden, hidden);
        } else {
            preW = null;
            preB = null;
        }
        w = addParameter(Blocks.parameter(weights, WEIGHT, Parameter.Type.WEIGHT));
        b = addParameter(Blocks.parameter(weights, BIAS, Parameter.Type.BIAS));
        Blocks.expectShape(w, labels, hidden);
        Blocks.expectShape(b, labels);
    }

    /** The weights of a head without dense layer: {@code rows} (C, H) as the classifier's weight, and its bias. */
    public static Map<String, TensorData> linearHead(float[][] rows, float[] bias) {
        int labels = rows.length;
        int hidden = rows[0].length;
        float[] w = new float[labels * hidden];
        for (int k = 0; k < labels; k++) {
            System.arraycopy(rows[k], 0, w, k * hidden, hidden);
        }
        Map<String, TensorData> head = new LinkedHashMap<>();
        head.put(WEIGHT, new TensorData(WEIGHT, new long[] {labels, hidden}, w));
        head.put(BIAS, new TensorData(BIAS, new long[] {labels}, bias.clone()));
        return head;
    }

    /**
     * Divides the logits by {@code temperature} from now on, by scaling the last linear layer in place (exact: the
     * logits are linear in it). For calibrated scores; never while training.
     */
    public void divideLogits(float temperature) {
        for (Parameter p : new Parameter[] {w, b}) {
            NDArray array = p.getArray();
            try (NDArray t = array.getManager().full(new Shape(), temperature)) {
                array.divi(t);
            }
        }
    }

    /** The head's pooling and dense layer. */
    public HeadConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, H)
        NDArray pre = null;
        if (preW != null) {
            try (NDArray dense = Blocks.linear(ps, x, preW, preB, training)) {
                pre = config.pre() == HeadConfig.Pre.RELU ? Activation.relu(dense) : Activation.tanh(dense);
            }
        }
        NDArray features = pre == null ? x : pre;
        NDArray dropped = training && dropout > 0 ? Dropout.dropout(features, dropout, true).singletonOrThrow() : features;
        NDArray logits = Blocks.linear(ps, dropped, w, b, training); // (B, C)
        if (dropped != features) {
            dropped.close();
        }
        if (pre != null) {
            pre.close();
        }
        return new NDList(logits);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), w.getArray().getShape().get(0))};
    }
}
