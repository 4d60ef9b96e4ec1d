package io.labelloop.model;

import io.labelloop.model.text.WordPieceTokenizerJson;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny random HuggingFace checkpoint (config.json, tokenizer.json, model.safetensors) of the BERT or
 * DistilBERT architecture, with the parameter names those libraries use. The safetensors file is written
 * here byte by byte, independently of the runtime's writer.
 */
final class TinyHuggingFaceModel {

    static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "my", "card", "was", "declined",
            "how", "do", "i", "open", "an", "account", "?", "!", "the", "payment", "failed", "top", "up", "where", "is", "money",
            "charged", "twice", "can", "use", "it", "abroad", "##s", "##ed", ".", "a", "new", "lost", "what", "fee", "help");
    static final int HIDDEN = 16;
    static final int LAYERS = 2;
    static final int INTERMEDIATE = 32;
    static final int POSITIONS = 64;

    private TinyHuggingFaceModel() {
    }

    static Path write(Path dir, String architecture, boolean withClassifier) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), config(architecture, VOCAB.size()));
        Files.writeString(dir.resolve("tokenizer.json"), WordPieceTokenizerJson.fromVocab(VOCAB, true));
        Files.write(dir.resolve("model.safetensors"), safetensors(weights(architecture, withClassifier)));
        return dir;
    }

    static String config(String architecture, int vocab) {
        String labels = "\"id2label\": {\"0\": \"NEGATIVE\", \"1\": \"POSITIVE\"}";
        return architecture.equals("bert")
                ? "{\"model_type\": \"bert\", \"vocab_size\": " + vocab + ", \"hidden_size\": " + HIDDEN + ", \"num_hidden_layers\": " + LAYERS
                        + ", \"num_attention_heads\": 2, \"intermediate_size\": " + INTERMEDIATE + ", \"max_position_embeddings\": " + POSITIONS
                        + ", \"type_vocab_size\": 2, \"layer_norm_eps\": 1e-12, " + labels + "}"
                : "{\"model_type\": \"distilbert\", \"vocab_size\": " + vocab + ", \"dim\": " + HIDDEN + ", \"n_layers\": " + LAYERS
                        + ", \"n_heads\": 2, \"hidden_dim\": " + INTERMEDIATE + ", \"max_position_embeddings\": " + POSITIONS + ", " + labels + "}";
    }

    private static Map<String, float[][]> weights(String architecture, boolean withClassifier) {
        Random r = new Random(architecture.hashCode());
        Map<String, float[][]> w = new LinkedHashMap<>(); // name -> {shape as floats, data}
        boolean bert = architecture.equals("bert");
        String p = bert ? "bert." : "distilbert.";
        put(w, r, p + "embeddings.word_embeddings.weight", VOCAB.size(), HIDDEN);
        put(w, r, p + "embeddings.position_embeddings.weight", POSITIONS, HIDDEN);
        if (bert) {
            put(w, r, p + "embeddings.token_type_embeddings.weight", 2, HIDDEN);
        }
        norm(w, p + "embeddings.LayerNorm");
        for (int l = 0; l < LAYERS; l++) {
            String layer = p + (bert ? "encoder.layer." : "transformer.layer.") + l + ".";
            String[] square = bert ? new String[] {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"}
                    : new String[] {"attention.q_lin", "attention.k_lin", "attention.v_lin", "attention.out_lin"};
            for (String s : square) {
                linear(w, r, layer + s, HIDDEN, HIDDEN);
            }
            norm(w, layer + (bert ? "attention.output.LayerNorm" : "sa_layer_norm"));
            linear(w, r, layer + (bert ? "intermediate.dense" : "ffn.lin1"), INTERMEDIATE, HIDDEN);
            linear(w, r, layer + (bert ? "output.dense" : "ffn.lin2"), HIDDEN, INTERMEDIATE);
            norm(w, layer + (bert ? "output.LayerNorm" : "output_layer_norm"));
        }
        if (withClassifier) {
            linear(w, r, bert ? "bert.pooler.dense" : "pre_classifier", HIDDEN, HIDDEN);
            linear(w, r, "classifier", 2, HIDDEN);
        }
        return w;
    }

    private static void put(Map<String, float[][]> w, Random r, String name, int rows, int cols) {
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextGaussian() * 0.2f;
        }
        w.put(name, new float[][] {{rows, cols}, data});
    }

    private static void linear(Map<String, float[][]> w, Random r, String module, int out, int in) {
        put(w, r, module + ".weight", out, in);
        float[] bias = new float[out];
        w.put(module + ".bias", new float[][] {{out}, bias});
    }

    private static void norm(Map<String, float[][]> w, String module) {
        float[] ones = new float[HIDDEN];
        java.util.Arrays.fill(ones, 1f);
        w.put(module + ".weight", new float[][] {{HIDDEN}, ones});
        w.put(module + ".bias", new float[][] {{HIDDEN}, new float[HIDDEN]});
    }

    /** 8-byte little-endian header length, JSON header, raw little-endian float32 data. */
    static byte[] safetensors(Map<String, float[][]> weights) throws Exception {
        StringBuilder header = new StringBuilder("{\"__metadata__\": {\"format\": \"pt\"}");
        long offset = 0;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, float[][]> e : weights.entrySet()) {
            float[] shape = e.getValue()[0];
            float[] values = e.getValue()[1];
            StringBuilder dims = new StringBuilder();
            for (float d : shape) {
                dims.append(dims.length() == 0 ? "" : ", ").append((long) d);
            }
            long bytes = 4L * values.length;
            header.append(", \"").append(e.getKey()).append("\": {\"dtype\": \"F32\", \"shape\": [").append(dims)
                    .append("], \"data_offsets\": [").append(offset).append(", ").append(offset + bytes).append("]}");
            offset += bytes;
            ByteBuffer b = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            data.write(b.array());
        }
        header.append('}');
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
        out.write(json);
        data.writeTo(out);
        return out.toByteArray();
    }
}
