package io.labelloop.model.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.nn.EncoderConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Arrays;

/**
 * DJL's HuggingFace tokenizer configured for dynamic padding: texts are encoded without padding and
 * truncated here, keeping the final [SEP], so batches can be padded to their own longest member.
 */
public final class TextTokenizer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HuggingFaceTokenizer tokenizer;
    private final byte[] json;
    private final int vocabSize;
    private final long padId;
    private final String prefix;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, byte[] json, int vocabSize, long padId, String prefix) {
        this.tokenizer = tokenizer;
        this.prefix = prefix;
        this.json = json;
        this.vocabSize = vocabSize;
        this.padId = padId;
    }

    /**
     * Loads a {@code tokenizer.json} and checks it fits an encoder.
     *
     * @param json the file's content
     * @param source the file name, for errors
     * @param config the encoder it must match: every token id must have an embedding row
     */
    public static TextTokenizer load(byte[] json, String source, EncoderConfig config) {
        return load(json, source, config, "");
    }

    /**
     * Loads a {@code tokenizer.json} whose texts get a prefix, as encoders such as E5 were trained to see them.
     *
     * @param prefix put before every text ("" for none)
     */
    public static TextTokenizer load(byte[] json, String source, EncoderConfig config, String prefix) {
        int tokens = vocabularySize(json, source);
        if (tokens > config.vocabSize()) {
            throw new ModelException(source + " has token ids up to " + (tokens - 1) + " but the model's embedding table has only "
                    + config.vocabSize() + " rows: the tokenizer does not belong to this model");
        }
        try {
            // The jar's tokenizer.json pins Fixed(128) padding: switch padding off, truncate ourselves.
            Map<String, String> options = Map.of("padding", "false", "truncation", "true",
                    "maxLength", String.valueOf(config.maxPositions()));
            HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options);
            return new TextTokenizer(t, json, config.vocabSize(), padId(json), prefix);
        } catch (IOException | RuntimeException e) {
            throw new ModelException(source + ": not a usable HuggingFace tokenizer.json (" + e.getMessage() + ")", e);
        }
    }

    private static int vocabularySize(byte[] json, String source) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode vocab = root.path("model").path("vocab");
            if (vocab.isMissingNode() || vocab.isEmpty()) {
                throw new ModelException(source + ": no model.vocab found; not a WordPiece/BPE tokenizer.json");
            }
            int maxId = -1;
            for (JsonNode id : vocab) {
                maxId = Math.max(maxId, id.asInt());
            }
            for (JsonNode added : root.path("added_tokens")) {
                maxId = Math.max(maxId, added.path("id").asInt());
            }
            return maxId + 1;
        } catch (IOException e) {
            throw new ModelException(source + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static long padId(byte[] json) {
        try {
            JsonNode padding = JSON.readTree(json).path("padding");
            return padding.path("pad_id").asLong(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The raw tokenizer.json, saved with model versions. */
    public byte[] json() {
        return json;
    }

    /** What is put before every text ("" for none). */
    public String prefix() {
        return prefix;
    }

    public long padId() {
        return padId;
    }

    /**
     * Encodes texts, truncating each to {@code maxLength} tokens (keeping the closing special token).
     *
     * @return token ids per text, unpadded
     */
    public long[][] encode(List<String> texts, int maxLength) {
        String[] clean = new String[texts.size()];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = prefix + sanitize(texts.get(i), i);
        }
        Encoding[] encodings = tokenizer.batchEncode(clean, true, false);
        long[][] ids = new long[clean.length][];
        for (int i = 0; i < clean.length; i++) {
            ids[i] = truncate(encodings[i].getIds(), maxLength);
            checkIds(ids[i], i);
        }
        return ids;
    }

    private static long[] truncate(long[] ids, int maxLength) {
        if (ids.length <= maxLength) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, maxLength);
        cut[maxLength - 1] = ids[ids.length - 1];
        return cut;
    }

    private void checkIds(long[] ids, int index) {
        for (long id : ids) {
            if (id < 0 || id >= vocabSize) {
                throw new ModelException("text " + index + " produced token id " + id + ", outside the model's vocabulary of "
                        + vocabSize + ": the tokenizer does not match the model");
            }
        }
    }

    /**
     * Null is an error; unpaired surrogates (which is what undecodable bytes become at worst) are replaced by
     * U+FFFD so that the native tokenizer only ever sees valid UTF-16.
     */
    public static String sanitize(String text, int index) {
        if (text == null) {
            throw new IllegalArgumentException("text at index " + index + " is null");
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean lone = Character.isSurrogate(c) && !pairedHigh
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (lone && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
