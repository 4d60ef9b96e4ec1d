package io.labelloop.model;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.weights.Provenance;
import java.nio.file.Path;
import java.util.List;

/**
 * A text classifier: encoder, pooling, dropout and a linear head over a fixed label set.
 *
 * <p>Instances come from {@link ModelRuntime} ({@code zeroShot}, {@code load}, {@code fromHub},
 * {@code train}). They hold native memory: close them when done. {@link #predict} and {@link #embed}
 * may be called from several threads; calls on one classifier run one at a time (the engine already
 * uses all configured threads inside each batch).
 */
public interface TextClassifier extends AutoCloseable {

    /** The label set, in the order of the head's outputs. */
    List<String> labels();

    /**
     * Scores texts. Texts are tokenised, sorted by length and run in batches padded to their longest
     * member; texts longer than the runtime's maximum length are truncated. Empty or whitespace-only
     * texts are scored as an empty sentence; unpaired UTF-16 surrogates (what invalid UTF-8 decodes to
     * at worst) are replaced by U+FFFD.
     *
     * @param texts the texts, none null
     * @return one prediction per text, in input order, with {@link #version()} as agent
     * @throws IllegalArgumentException when a text is null (the message gives its index)
     */
    List<Prediction> predict(List<String> texts);

    /**
     * Scores texts with explicit batching and padding, otherwise as {@link #predict(List)}.
     *
     * @param texts the texts, none null
     * @param options batch size, truncation length and padding
     * @return one prediction per text, in input order
     */
    List<Prediction> predict(List<String> texts, ScoringOptions options);

    /**
     * The number of tokens each text has after tokenisation and truncation to the scoring maximum length,
     * special tokens included (what scoring actually computes on).
     *
     * @param texts the texts
     * @return one count per text
     */
    int[] tokenCounts(List<String> texts);

    /** The shape of the encoder, for cost estimates. */
    EncoderInfo encoderInfo();

    /**
     * Sentence embeddings of the texts: masked mean pooling of the encoder's last layer, L2-normalised,
     * so that a dot product is a cosine. Used for diversity in query strategies.
     *
     * @param texts the texts, handled as in {@link #predict}
     * @return one vector per text, in input order
     */
    float[][] embed(List<String> texts);

    /** How this model was made. */
    Provenance provenance();

    /** The version name, used as prediction agent. */
    default String version() {
        return provenance().version();
    }

    /**
     * Saves this model into a directory (created if needed), one directory per version: the weights
     * ({@code model.safetensors}), {@code config.json}, {@code tokenizer.json} and {@code provenance.json}.
     * {@link ModelRuntime#load(Path)} reads it back.
     *
     * @param dir the version directory
     * @throws ModelException when writing fails; the message names the file
     */
    void save(Path dir);

    /** Frees the native memory of this model (weights shared with the runtime stay until the runtime closes). */
    @Override
    void close();
}
