package io.labelloop.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * One post-LayerNorm transformer layer: self-attention, add and norm, GELU feed-forward, add and norm. In
 * training with a dropout rate above 0 it drops attention probabilities and, before each residual add, the
 * attention output projection and the feed-forward output, as BERT was pretrained; otherwise (inference, or
 * rate 0) the forward pass runs exactly the same operations as without dropout.
 * Inputs: hidden states of all tokens of the batch (T, H) with T = B x S, the additive attention mask
 * (B, 1, 1, S) and, for batches shorter than {@link #SOFTMAX_WIDTH}, masked key columns (B, N, S, W - S) that
 * widen the scores for a fast softmax; output (T, H).
 *
 * <p>Why it is shaped like this: on short texts (about 16 tokens) the time beyond the matrix products is what
 * separates a fast encoder from a slow one. Tokens stay a 2-D (T, H) matrix so that every linear layer is one
 * matrix product with the bias fused in; query, key and value come from one fused (3H, H) product; residuals
 * are added in place into the fresh product outputs (their backward needs only the inputs, so this is safe with
 * autograd too). Intermediate arrays are closed as soon as they are used: a batch's manager would otherwise
 * hold every (B, heads, S, S) attention matrix of every layer until the batch ends. Autograd keeps its own
 * references, so this is safe during training too.
 */
final class TransformerLayerBlock extends ImportedBlock {

    /** Attention scores narrower than this many keys are widened for the softmax (see {@link #probabilities}). */
    static final int SOFTMAX_WIDTH = 16;

    private final EncoderConfig config;
    private final float scale;
    private final float dropout;
    private final Parameter qkvw;
    private final Parameter qkvb;
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

    /**
     * @param w canonical BERT-named arrays; the layer's query, key and value arrays are replaced by their fused
     *     {@code attention.self.qkv} arrays (see {@link FusedQkv}) unless those are already there
     * @param dropout hidden and attention-probability dropout rate in training (0: none)
     */
    TransformerLayerBlock(EncoderConfig config, Map<String, NDArray> w, int layer, float dropout) {
        this.config = config;
        this.dropout = dropout;
        this.scale = (float) (1.0 / Math.sqrt(config.headSize()));
        String p = "encoder.layer." + layer + ".";
        FusedQkv.fuse(w, p);
        qkvw = weight(w, p + FusedQkv.FUSED);
        qkvb = bias(w, p + FusedQkv.FUSED);
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
        Blocks.expectShape(qkvw, 3L * h, h);
        Blocks.expectShape(ow, h, h);
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
        NDArray x = inputs.get(0); // (T, H)
        NDArray maskBias = inputs.get(1); // (B, 1, 1, S)
        NDArray keyPadding = inputs.size() > 2 ? inputs.get(2) : null; // (B, N, S, SOFTMAX_WIDTH - S)
        NDArray attended;
        try (NDArray context = attention(ps, x, maskBias, keyPadding, training); // (T, H)
             NDArray residual = Blocks.dropout(Blocks.linear(ps, context, ow, ob, training), dropout, training)) { // (T, H)
            residual.addi(x);
            attended = norm(ps, residual, ln1g, ln1b, training); // (T, H)
        }
        try (NDArray up = Blocks.linear(ps, attended, iw, ib, training); // (T, I)
             NDArray act = Activation.gelu(up);
             NDArray residual = Blocks.dropout(Blocks.linear(ps, act, o2w, o2b, training), dropout, training)) { // (T, H)
            residual.addi(attended);
            NDArray out = norm(ps, residual, ln2g, ln2b, training);
            attended.close();
            return new NDList(out);
        }
    }

    /**
     * Multi-head scaled dot-product attention: (T, H) -> (T, H). Query, key and value of every head are
     * packed by one copy into (3 x B x N, S, D), so that both attention products are plain batched products.
     */
    private NDArray attention(ParameterStore ps, NDArray x, NDArray maskBias, NDArray keyPadding, boolean training) {
        long b = maskBias.getShape().get(0);
        long s = maskBias.getShape().get(3);
        long bn = b * config.heads();
        try (NDArray qkv = Blocks.linear(ps, x, qkvw, qkvb, training); // (T, 3H)
             NDArray split = qkv.reshape(b, s, 3, config.heads(), config.headSize());
             NDArray heads = split.transpose(2, 0, 3, 1, 4); // (3, B, N, S, D), a view
             NDArray packed = heads.reshape(3 * bn, s, config.headSize()); // (3BN, S, D), the one copy
             NDArray q = packed.get(new NDIndex("0:{}", bn));
             NDArray k = packed.get(new NDIndex("{}:{}", bn, 2 * bn));
             NDArray v = packed.get(new NDIndex("{}:", 2 * bn));
             NDArray kt = k.transpose(0, 2, 1); // (BN, D, S)
             NDArray scores = q.batchMatMul(kt); // (BN, S, S)
             NDArray scores4 = scores.reshape(b, config.heads(), s, s);
             NDArray scaleFactor = Blocks.scalar(scores4.getManager(), scale);
             NDArray probs = Blocks.dropout(probabilities(scores4.muli(scaleFactor).addi(maskBias), keyPadding, s), dropout,
                     training); // (B, N, S, S)
             NDArray probs3 = probs.reshape(bn, s, s);
             NDArray context = probs3.batchMatMul(v); // (BN, S, D)
             NDArray context4 = context.reshape(b, config.heads(), s, config.headSize());
             NDArray merged = context4.transpose(0, 2, 1, 3)) { // (B, S, N, D)
            return merged.reshape(b * s, config.hidden());
        }
    }

    /**
     * Softmax over the keys. PyTorch's CPU softmax over a last axis shorter than its vector width (16 floats
     * with AVX-512) takes a slow scalar path, ten times slower per element: such scores are widened with masked
     * columns, which get probability 0, and the result is the view of the real columns.
     */
    private static NDArray probabilities(NDArray scores, NDArray keyPadding, long s) {
        if (keyPadding == null) {
            return scores.softmax(-1);
        }
        try (NDArray wide = scores.concat(keyPadding, 3); // (B, N, S, SOFTMAX_WIDTH)
             NDArray probs = wide.softmax(-1)) {
            return probs.get(new NDIndex(":, :, :, :{}", s));
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
