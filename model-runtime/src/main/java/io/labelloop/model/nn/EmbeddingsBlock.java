package io.labelloop.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/** Word + position (+ token type 0) embeddings followed by LayerNorm: ids (B, S) -> (B, S, H). */
final class EmbeddingsBlock extends ImportedBlock {

    private final EncoderConfig config;
    private final Parameter words;
    private final Parameter positions;
    private final Parameter types;
    private final Parameter gamma;
    private final Parameter beta;

    EmbeddingsBlock(EncoderConfig config, Map<String, NDArray> w) {
        this.config = config;
        words = addParameter(Blocks.parameter(w, "embeddings.word_embeddings.weight", Parameter.Type.WEIGHT));
        positions = addParameter(Blocks.parameter(w, "embeddings.position_embeddings.weight", Parameter.Type.WEIGHT));
        types = config.typeVocabSize() > 0
                ? addParameter(Blocks.parameter(w, "embeddings.token_type_embeddings.weight", Parameter.Type.WEIGHT)) : null;
        gamma = addParameter(Blocks.parameter(w, "embeddings.LayerNorm.weight", Parameter.Type.GAMMA));
        beta = addParameter(Blocks.parameter(w, "embeddings.LayerNorm.bias", Parameter.Type.BETA));
        Blocks.expectShape(words, config.vocabSize(), config.hidden());
        Blocks.expectShape(positions, config.maxPositions(), config.hidden());
        Blocks.expectShape(gamma, config.hidden());
    }

    /** The word-embedding parameter, which full fine-tuning may freeze for speed. */
    Parameter words() {
        return words;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0); // (B, S) int64
        NDManager m = ids.getManager();
        long seq = ids.getShape().get(1);
        NDArray x = Embedding.embedding(ids, ps.getValue(words, ids.getDevice(), training), SparseFormat.DENSE).singletonOrThrow();
        try (NDArray pos = m.arange(0f, seq, 1f, DataType.INT64).expandDims(0); // (1, S)
             NDArray posEmb = Embedding.embedding(pos, ps.getValue(positions, ids.getDevice(), training), SparseFormat.DENSE)
                     .singletonOrThrow()) { // (1, S, H)
            x.addi(posEmb);
            if (types != null) {
                try (NDArray zero = m.zeros(new Shape(1, 1), DataType.INT64);
                     NDArray typeEmb = Embedding.embedding(zero, ps.getValue(types, ids.getDevice(), training), SparseFormat.DENSE)
                             .singletonOrThrow()) { // (1, 1, H)
                    x.addi(typeEmb);
                }
            }
        }
        NDArray normed = LayerNorm.layerNorm(x, new Shape(config.hidden()), ps.getValue(gamma, ids.getDevice(), training),
                ps.getValue(beta, ids.getDevice(), training), config.layerNormEps()).singletonOrThrow();
        x.close();
        return new NDList(normed);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.hidden())};
    }
}
