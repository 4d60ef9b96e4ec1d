package io.labelloop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/** Pooled features (B, H) -> [dense + activation] -> dropout (training only) -> linear -> logits (B, C). */
final class ClassifierHeadBlock extends ImportedBlock {

    static final String PRE_WEIGHT = "head.pre.weight";
    static final String PRE_BIAS = "head.pre.bias";
    static final String WEIGHT = "head.classifier.weight";
    static final String BIAS = "head.classifier.bias";

    private final HeadConfig config;
    private final float dropout;
    private final Parameter preW;
    private final Parameter preB;
    private final Parameter w;
    private final Parameter b;

    ClassifierHeadBlock(HeadConfig config, Map<String, NDArray> weights, int hidden, int labels, float dropout) {
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

    HeadConfig config() {
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
