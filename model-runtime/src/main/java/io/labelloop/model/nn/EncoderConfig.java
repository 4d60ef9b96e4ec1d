package io.labelloop.model.nn;

import com.fasterxml.jackson.databind.JsonNode;
import io.labelloop.model.core.ModelException;
import java.nio.file.Path;

/**
 * The shape of a BERT-family encoder (BERT, DistilBERT, MiniLM: post-LayerNorm transformers with GELU).
 *
 * @param architecture {@code bert} or {@code distilbert} (which parameter names a checkpoint uses)
 * @param vocabSize rows of the word-embedding table
 * @param hidden hidden size H
 * @param layers number of transformer layers
 * @param heads attention heads (H must be a multiple)
 * @param intermediate feed-forward size
 * @param maxPositions rows of the position-embedding table: the longest input the encoder accepts
 * @param typeVocabSize rows of the token-type table (0 for DistilBERT, which has none)
 * @param layerNormEps LayerNorm epsilon
 */
public record EncoderConfig(String architecture, int vocabSize, int hidden, int layers, int heads, int intermediate,
                     int maxPositions, int typeVocabSize, float layerNormEps) {

    /** all-MiniLM-L6-v2, as shipped in the langchain4j jar. */
    public static final EncoderConfig MINILM_L6 = new EncoderConfig("bert", 30522, 384, 6, 12, 1536, 512, 2, 1e-12f);
    /** The 12-layer encoders of MiniLM's width (bge-small-en-v1.5, e5-small-v2), as shipped in their langchain4j jars. */
    public static final EncoderConfig SMALL_L12 = new EncoderConfig("bert", 30522, 384, 12, 12, 1536, 512, 2, 1e-12f);

    /** Checks the heads divide the hidden size. */
    public EncoderConfig {
        if (hidden % heads != 0) {
            throw new ModelException("hidden size " + hidden + " is not a multiple of the " + heads + " attention heads");
        }
    }

    /** The size of one attention head. */
    public int headSize() {
        return hidden / heads;
    }

    /** Weights in the linear layers, for FLOP estimates. */
    public long linearWeights() {
        return (long) layers * (4L * hidden * hidden + 2L * hidden * intermediate);
    }

    /** Reads a HuggingFace {@code config.json} of a BERT or DistilBERT model. */
    public static EncoderConfig fromHuggingFace(JsonNode c, Path file) {
        String type = c.path("model_type").asText("");
        return switch (type) {
            case "bert" -> new EncoderConfig("bert", req(c, "vocab_size", file), req(c, "hidden_size", file),
                    req(c, "num_hidden_layers", file), req(c, "num_attention_heads", file), req(c, "intermediate_size", file),
                    req(c, "max_position_embeddings", file), c.path("type_vocab_size").asInt(2),
                    (float) c.path("layer_norm_eps").asDouble(1e-12));
            case "distilbert" -> new EncoderConfig("distilbert", req(c, "vocab_size", file), req(c, "dim", file),
                    req(c, "n_layers", file), req(c, "n_heads", file), req(c, "hidden_dim", file),
                    req(c, "max_position_embeddings", file), 0, 1e-12f);
            default -> throw new ModelException(file + ": model_type '" + type + "' is not supported (use bert or distilbert)");
        };
    }

    private static int req(JsonNode c, String field, Path file) {
        JsonNode n = c.get(field);
        if (n == null || !n.canConvertToInt() || n.asInt() <= 0) {
            throw new ModelException(file + ": field '" + field + "' is missing or not a positive integer");
        }
        return n.asInt();
    }
}
