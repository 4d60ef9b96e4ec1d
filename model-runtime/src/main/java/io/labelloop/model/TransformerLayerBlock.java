package io.labelloop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * One post-LayerNorm transformer layer: self-attention, add and norm, GELU feed-forward, add and norm.
 * Inputs: hidden (B, S, H) and the additive attention mask (B, 1, 1, S); output (B, S, H).
 *
 * <p>Intermediate arrays are closed as soon as they are used: a batch's manager would otherwise hold every
 * (B, heads, S, S) attention matrix of every layer until the batch ends. Autograd keeps its own references,
 * so this is safe during training too.
 */
final class TransformerLayerBlock extends ImportedBlock {

    private final EncoderConfig config;
    private final Parameter qw;
    private final Parameter qb;
    private final Parameter kw;
    private final Parameter kb;
    private final Parameter vw;
    private final Parameter vb;
    private final Parameter ow;
    private final Parameter ob;
    private final Parameter ln1g;
    private final Parameter ln1b;
    private final Parameter iw;
    private final Parameter ib;
    private final Parameter o2w;
    private final Parameter o2b;
    private final Parameter ln2g;
    private final Parameter ln2b;

    TransformerLayerBlock(EncoderConfig config, Map<String, NDArray> w, int layer) {
        this.config = config;
        String p = "encoder.layer." + layer + ".";
        qw = weight(w, p + "attention.self.query");
        qb = bias(w, p + "attention.self.query");
        kw = weight(w, p + "attention.self.key");
        kb = bias(w, p + "attention.self.key");
        vw = weight(w, p + "attention.self.value");
        vb = bias(w, p + "attention.self.value");
        ow = weight(w, p + "attention.output.dense");
        ob = bias(w, p + "attention.output.dense");
        ln1g = addParameter(Blocks.parameter(w, p + "attention.output.LayerNorm.weight", Parameter.Type.GAMMA));
        ln1b = addParameter(Blocks.parameter(w, p + "attention.output.LayerNorm.bias", Parameter.Type.BETA));
        iw = weight(w, p + "intermediate.dense");
        ib = bias(w, p + "intermediate.dense");
        o2w = weight(w, p + "output.dense");
        o2b = bias(w, p + "output.dense");
        ln2g = addParameter(Blocks.parameter(w, p + "output.LayerNorm.weight", Parameter.Type.GAMMA));
        ln2b = addParameter(Blocks.parameter(w, p + "output.LayerNorm.bias", Parameter.Type.BETA));
        int h = config.hidden();
        Blocks.expectShape(qw, h, h);
        Blocks.expectShape(iw, config.intermediate(), h);
        Blocks.expectShape(o2w, h, config.intermediate());
    }

    private Parameter weight(Map<String, NDArray> w, String module) {
        return addParameter(Blocks.parameter(w, module + ".weight", Parameter.Type.WEIGHT));
    }

    private Parameter bias(Map<String, NDArray> w, String module) {
        return addParameter(Blocks.parameter(w, module + ".bias", Parameter.Type.BIAS));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, S, H)
        NDArray maskBias = inputs.get(1); // (B, 1, 1, S)
        NDArray attended;
        try (NDArray context = attention(ps, x, maskBias, training);
             NDArray projected = Blocks.linear(ps, context, ow, ob, training);
             NDArray residual = projected.add(x)) {
            attended = norm(ps, residual, ln1g, ln1b, training); // (B, S, H)
        }
        try (NDArray up = Blocks.linear(ps, attended, iw, ib, training); // (B, S, I)
             NDArray act = Activation.gelu(up);
             NDArray down = Blocks.linear(ps, act, o2w, o2b, training); // (B, S, H)
             NDArray residual = down.add(attended)) {
            NDArray out = norm(ps, residual, ln2g, ln2b, training);
            attended.close();
            return new NDList(out);
        }
    }

    /** Multi-head scaled dot-product attention: (B, S, H) -> (B, S, H). */
    private NDArray attention(ParameterStore ps, NDArray x, NDArray maskBias, boolean training) {
        Shape shape = x.getShape();
        long b = shape.get(0);
        long s = shape.get(1);
        try (NDArray q = heads(Blocks.linear(ps, x, qw, qb, training), b, s);
             NDArray qs = q.mul((float) (1.0 / Math.sqrt(config.headSize())));
             NDArray k = heads(Blocks.linear(ps, x, kw, kb, training), b, s);
             NDArray kt = k.transpose(0, 1, 3, 2); // (B, N, D, S)
             NDArray v = heads(Blocks.linear(ps, x, vw, vb, training), b, s);
             NDArray scores = qs.matMul(kt); // (B, N, S, S)
             NDArray masked = scores.add(maskBias);
             NDArray probs = masked.softmax(-1);
             NDArray context = probs.matMul(v); // (B, N, S, D)
             NDArray merged = context.transpose(0, 2, 1, 3)) { // (B, S, N, D)
            return merged.reshape(b, s, config.hidden());
        }
    }

    /** (B, S, H) -> (B, N, S, D), closing the input. */
    private NDArray heads(NDArray projected, long b, long s) {
        try (projected; NDArray split = projected.reshape(b, s, config.heads(), config.headSize())) {
            return split.transpose(0, 2, 1, 3);
        }
    }

    private NDArray norm(ParameterStore ps, NDArray x, Parameter g, Parameter beta, boolean training) {
        return LayerNorm.layerNorm(x, new Shape(config.hidden()), ps.getValue(g, x.getDevice(), training),
                ps.getValue(beta, x.getDevice(), training), config.layerNormEps()).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
