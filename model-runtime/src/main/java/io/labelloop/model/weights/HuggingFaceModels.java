package io.labelloop.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import io.labelloop.model.nn.ClassifierHeadBlock;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.nn.HeadConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Loads HuggingFace BERT and DistilBERT checkpoints ({@code config.json}, {@code tokenizer.json},
 * {@code model.safetensors}) and renames their parameters to the canonical BERT names the blocks use.
 */
public final class HuggingFaceModels {

    static final String CONFIG = "config.json";
    static final String TOKENIZER = "tokenizer.json";
    static final String WEIGHTS = "model.safetensors";
    private static final long HEAD_SEED = 42;

    private HuggingFaceModels() {
    }

    /**
     * Reads a checkpoint directory.
     *
     * @param base the checkpoint's id in provenances, e.g. {@code hf:distilbert-base-uncased}
     * @param requestedLabels the label names, or an empty list to take them from {@code id2label}
     */
    public static StoredModel read(Path dir, String base, List<String> requestedLabels) {
        Path configFile = dir.resolve(CONFIG);
        JsonNode config = readJson(configFile);
        EncoderConfig encoder = EncoderConfig.fromHuggingFace(config, configFile);
        byte[] tokenizer = read(dir.resolve(TOKENIZER));
        Map<String, TensorData> weights = canonical(Safetensors.read(dir.resolve(WEIGHTS)), encoder.architecture());
        List<String> checkpointLabels = id2label(config);
        boolean hasClassifier = weights.containsKey(ClassifierHeadBlock.WEIGHT);
        List<String> labels = requestedLabels == null || requestedLabels.isEmpty() ? checkpointLabels : List.copyOf(requestedLabels);
        if (labels.isEmpty()) {
            throw new ModelException(configFile + ": no id2label and no labels given: say which labels the classifier has");
        }
        HeadConfig head = headConfig(encoder, weights, hasClassifier);
        long rows = hasClassifier ? weights.get(ClassifierHeadBlock.WEIGHT).shape()[0] : -1;
        if (rows != labels.size()) {
            freshClassifier(weights, encoder.hidden(), labels.size());
        }
        Provenance provenance = new Provenance(versionName(base), base, "pretrained", labels, 0, "",
                Map.of("architecture", encoder.architecture(), "head", rows == labels.size() ? "checkpoint" : "new"), Map.of(), Instant.now(), 0);
        return new StoredModel(null, encoder, head, weights, tokenizer, "", labels, provenance);
    }

    /** A sequence-classification checkpoint pools [CLS] through its dense layer; a bare encoder gets a sentence head. */
    private static HeadConfig headConfig(EncoderConfig encoder, Map<String, TensorData> weights, boolean hasClassifier) {
        if (!hasClassifier) {
            return HeadConfig.SENTENCE;
        }
        if (!weights.containsKey(ClassifierHeadBlock.PRE_WEIGHT)) {
            return new HeadConfig(HeadConfig.Pooling.CLS, HeadConfig.Pre.NONE);
        }
        return new HeadConfig(HeadConfig.Pooling.CLS, encoder.architecture().equals("distilbert") ? HeadConfig.Pre.RELU : HeadConfig.Pre.TANH);
    }

    private static void freshClassifier(Map<String, TensorData> weights, int hidden, int labels) {
        Random random = new Random(HEAD_SEED);
        float[] w = new float[labels * hidden];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian() * 0.02f;
        }
        weights.put(ClassifierHeadBlock.WEIGHT, new TensorData(ClassifierHeadBlock.WEIGHT, new long[] {labels, hidden}, w));
        weights.put(ClassifierHeadBlock.BIAS, new TensorData(ClassifierHeadBlock.BIAS, new long[] {labels}, new float[labels]));
    }

    private static String versionName(String base) {
        return base.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static List<String> id2label(JsonNode config) {
        JsonNode map = config.path("id2label");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < map.size(); i++) {
            JsonNode label = map.get(String.valueOf(i));
            if (label == null) {
                return List.of();
            }
            labels.add(label.asText());
        }
        return labels;
    }

    /** Renames checkpoint parameters to canonical BERT names; unknown ones (e.g. MLM heads) are dropped. */
    public static Map<String, TensorData> canonical(Map<String, TensorData> raw, String architecture) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (TensorData t : raw.values()) {
            String name = architecture.equals("distilbert") ? distilbertName(t.name()) : bertName(t.name());
            if (name != null) {
                out.put(name, t.renamed(name));
            }
        }
        return out;
    }

    private static String bertName(String name) {
        String n = name.startsWith("bert.") ? name.substring(5) : name;
        n = n.replace("LayerNorm.gamma", "LayerNorm.weight").replace("LayerNorm.beta", "LayerNorm.bias");
        if (n.startsWith("pooler.dense.")) {
            return "head.pre." + n.substring("pooler.dense.".length());
        }
        if (n.startsWith("classifier.")) {
            return "head." + n;
        }
        return n.startsWith("embeddings.") || n.startsWith("encoder.") ? n : null;
    }

    private static String distilbertName(String name) {
        String n = name.startsWith("distilbert.") ? name.substring(11) : name;
        if (n.startsWith("pre_classifier.")) {
            return "head.pre." + n.substring("pre_classifier.".length());
        }
        if (n.startsWith("classifier.")) {
            return "head." + n;
        }
        if (n.startsWith("embeddings.")) {
            return n;
        }
        if (!n.startsWith("transformer.layer.")) {
            return null;
        }
        String rest = n.substring("transformer.layer.".length()); // "0.attention.q_lin.weight"
        int dot = rest.indexOf('.');
        String layer = "encoder.layer." + rest.substring(0, dot) + ".";
        String module = rest.substring(dot + 1);
        String[][] map = {
            {"attention.q_lin.", "attention.self.query."},
            {"attention.k_lin.", "attention.self.key."},
            {"attention.v_lin.", "attention.self.value."},
            {"attention.out_lin.", "attention.output.dense."},
            {"sa_layer_norm.", "attention.output.LayerNorm."},
            {"ffn.lin1.", "intermediate.dense."},
            {"ffn.lin2.", "output.dense."},
            {"output_layer_norm.", "output.LayerNorm."},
        };
        for (String[] m : map) {
            if (module.startsWith(m[0])) {
                return layer + m[1] + module.substring(m[0].length());
            }
        }
        return null;
    }

    private static JsonNode readJson(Path file) {
        try {
            return VersionFiles.JSON.readTree(read(file));
        } catch (IOException e) {
            throw new ModelException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] read(Path file) {
        return VersionFiles.readBytes(file, "a HuggingFace model directory needs " + CONFIG + ", " + TOKENIZER + " and " + WEIGHTS);
    }
}
