package io.labelloop.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.nn.HeadConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One directory per model version:
 * <ul>
 *   <li>{@code model.safetensors}: the head, plus the encoder when it is not the runtime's shared pretrained one;</li>
 *   <li>{@code tokenizer.json}: the tokenizer, so that the directory is self-contained;</li>
 *   <li>{@code labelloop-model.json}: labels, head and encoder configuration, and which shared encoder is used;</li>
 *   <li>{@code provenance.json}: {@link Provenance}, written last, so a directory without it is incomplete.</li>
 * </ul>
 */
public final class VersionFiles {

    static final String WEIGHTS = "model.safetensors";
    static final String TOKENIZER = "tokenizer.json";
    static final String MODEL = "labelloop-model.json";
    static final String PROVENANCE = "provenance.json";
    static final int FORMAT = 1;

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private VersionFiles() {
    }

    /**
     * Writes a version directory (created if needed).
     *
     * @param weights the head's tensors, plus the encoder's when it is not the shared one
     * @param sharedEncoder the id of the shared encoder used unchanged, or null
     */
    public static void save(Path dir, List<TensorData> weights, byte[] tokenizerJson, String textPrefix, EncoderConfig encoder,
                            HeadConfig head, String sharedEncoder, Provenance provenance) {
        try {
            Files.createDirectories(dir);
            Safetensors.write(dir.resolve(WEIGHTS), weights, Map.of("format", "labelloop-" + FORMAT));
            write(dir.resolve(TOKENIZER), tokenizerJson);
            write(dir.resolve(MODEL), JSON.writeValueAsBytes(describe(provenance.labels(), encoder, head, sharedEncoder, textPrefix)));
            write(dir.resolve(PROVENANCE), JSON.writeValueAsBytes(provenance));
        } catch (IOException e) {
            throw new ModelException("cannot save model " + provenance.version() + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode describe(List<String> labels, EncoderConfig encoderConfig, HeadConfig head, String sharedEncoder,
                                       String textPrefix) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.putPOJO("labels", labels);
        root.putObject("head").put("pooling", head.pooling().name()).put("pre", head.pre().name());
        ObjectNode encoder = root.putObject("encoder");
        encoder.put("shared", sharedEncoder);
        encoder.put("text_prefix", textPrefix);
        encoder.putPOJO("config", encoderConfig);
        return root;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a version directory written by {@link #save}.
     *
     * @throws ModelException when a file is missing, corrupt, truncated or does not match the others; the message names it
     */
    public static StoredModel read(Path dir) {
        JsonNode model = readJson(dir.resolve(MODEL));
        Provenance provenance = readProvenance(dir.resolve(PROVENANCE));
        if (model.path("format").asInt() != FORMAT) {
            throw new ModelException(dir.resolve(MODEL) + ": format " + model.path("format") + " is not supported (expected " + FORMAT + ")");
        }
        List<String> labels = new ArrayList<>();
        model.path("labels").forEach(n -> labels.add(n.asText()));
        if (labels.isEmpty() || !labels.equals(provenance.labels())) {
            throw new ModelException(dir + ": labels in " + MODEL + " " + labels + " and " + PROVENANCE + " " + provenance.labels() + " differ");
        }
        Map<String, TensorData> weights = Safetensors.read(dir.resolve(WEIGHTS));
        return within(dir, () -> {
            String shared = model.path("encoder").path("shared").asText(null);
            if (shared != null) {
                PretrainedEncoder.bySharedId(shared); // fails here, naming the file, for an encoder this build lacks
                return new StoredModel(shared, null, null, head(weights), null, null, labels, provenance);
            }
            EncoderConfig config = JSON.treeToValue(model.path("encoder").path("config"), EncoderConfig.class);
            HeadConfig head = new HeadConfig(HeadConfig.Pooling.valueOf(model.path("head").path("pooling").asText()),
                    HeadConfig.Pre.valueOf(model.path("head").path("pre").asText()));
            // Versions written before text prefixes existed have none.
            String prefix = model.path("encoder").path("text_prefix").asText("");
            return new StoredModel(null, config, head, weights, readBytes(dir.resolve(TOKENIZER)), prefix, labels, provenance);
        });
    }

    /** What making a classifier of a version directory may fail with. */
    @FunctionalInterface
    public interface Work<T> {
        /** Reads or builds. */
        T run() throws IOException;
    }

    /**
     * Runs reading or building a classifier of a version directory, naming the directory (or its model file)
     * in any failure.
     */
    public static <T> T within(Path dir, Work<T> work) {
        try {
            return work.run();
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(dir.resolve(MODEL) + ": " + e.getMessage(), e);
        } catch (ModelException e) {
            throw new ModelException(dir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, TensorData> head(Map<String, TensorData> weights) {
        Map<String, TensorData> head = new LinkedHashMap<>();
        weights.forEach((name, t) -> {
            if (name.startsWith("head.")) {
                head.put(name, t);
            }
        });
        return head;
    }

    private static Provenance readProvenance(Path file) {
        try {
            return JSON.readValue(readBytes(file), Provenance.class);
        } catch (IOException e) {
            throw new ModelException(file + ": not a valid provenance file (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(readBytes(file));
        } catch (IOException e) {
            throw new ModelException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readBytes(Path file) {
        return readBytes(file, "not a complete Labelloop model version directory");
    }

    /** Reads a file; a missing one is a {@link ModelException} whose message ends with {@code whatItMeans}. */
    static byte[] readBytes(Path file, String whatItMeans) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelException(file + " is missing: " + whatItMeans, e);
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
