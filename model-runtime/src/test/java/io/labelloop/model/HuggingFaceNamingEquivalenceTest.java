package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.labelloop.model.core.TensorData;
import io.labelloop.model.weights.PretrainedEncoder;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.weights.OnnxWeights;
import io.labelloop.model.weights.Safetensors;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MiniLM weights re-exported as a HuggingFace BERT checkpoint, and as a DistilBERT checkpoint (which has no
 * token-type table: its row 0 is folded into the position embeddings, an exact rewrite), embed texts exactly as
 * the built-in encoder does: the checkpoint naming and config reading of both architectures are right.
 */
class HuggingFaceNamingEquivalenceTest {

    private static final List<String> TEXTS = List.of("Why was my card declined?", "How do I open an account for my child?");

    private static ModelRuntime runtime;
    private static Map<String, TensorData> minilm;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        runtime = ModelRuntime.builder().optThreads(2).build();
        minilm = OnnxWeights.read(resource(PretrainedEncoder.ALL_MINILM_L6_V2.onnxResource()), "minilm");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bert", "distilbert"})
    void aReexportedCheckpointEmbedsLikeTheBuiltInEncoder(String architecture) throws Exception {
        Files.write(dir.resolve("tokenizer.json"), resource(PretrainedEncoder.ALL_MINILM_L6_V2.tokenizerResource()));
        EncoderConfig c = EncoderConfig.MINILM_L6;
        Files.writeString(dir.resolve("config.json"), architecture.equals("bert")
                ? "{\"model_type\": \"bert\", \"vocab_size\": 30522, \"hidden_size\": 384, \"num_hidden_layers\": 6, \"num_attention_heads\": 12,"
                        + " \"intermediate_size\": 1536, \"max_position_embeddings\": 512, \"type_vocab_size\": 2}"
                : "{\"model_type\": \"distilbert\", \"vocab_size\": 30522, \"dim\": 384, \"n_layers\": 6, \"n_heads\": 12,"
                        + " \"hidden_dim\": 1536, \"max_position_embeddings\": 512}");
        List<TensorData> renamed = new ArrayList<>();
        for (TensorData t : minilm.values()) {
            if (architecture.equals("bert")) {
                renamed.add(t.renamed("bert." + t.name()));
            } else if (!t.name().contains("token_type")) {
                renamed.add(distilbert(t, c.hidden()));
            }
        }
        Safetensors.write(dir.resolve("model.safetensors"), renamed, Map.of());
        try (TextClassifier reexported = runtime.fromDirectory(dir, List.of("A", "B"));
             TextClassifier builtin = runtime.zeroShot(List.of(new LabelDescription("A", List.of("a")), new LabelDescription("B", List.of("b"))))) {
            float[][] expected = builtin.embed(TEXTS);
            float[][] actual = reexported.embed(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                for (int h = 0; h < c.hidden(); h++) {
                    assertThat(actual[i][h]).as("text %d dim %d", i, h).isCloseTo(expected[i][h], offset(1e-5f));
                }
            }
        }
    }

    private static TensorData distilbert(TensorData t, int hidden) {
        String n = t.name();
        if (n.equals("embeddings.position_embeddings.weight")) {
            float[] typeRow = minilm.get("embeddings.token_type_embeddings.weight").data();
            float[] folded = t.data().clone();
            for (int i = 0; i < folded.length; i++) {
                folded[i] += typeRow[i % hidden];
            }
            return new TensorData("distilbert." + n, t.shape(), folded);
        }
        String[][] map = {
            {"attention.self.query.", "attention.q_lin."}, {"attention.self.key.", "attention.k_lin."},
            {"attention.self.value.", "attention.v_lin."}, {"attention.output.dense.", "attention.out_lin."},
            {"attention.output.LayerNorm.", "sa_layer_norm."}, {"intermediate.dense.", "ffn.lin1."},
            {"output.dense.", "ffn.lin2."}, {"output.LayerNorm.", "output_layer_norm."},
        };
        if (n.startsWith("encoder.layer.")) {
            String rest = n.substring("encoder.layer.".length());
            String layer = rest.substring(0, rest.indexOf('.'));
            String module = rest.substring(rest.indexOf('.') + 1);
            for (String[] m : map) {
                if (module.startsWith(m[0])) {
                    return t.renamed("distilbert.transformer.layer." + layer + "." + m[1] + module.substring(m[0].length()));
                }
            }
            throw new IllegalStateException("unmapped " + n);
        }
        return t.renamed("distilbert." + n);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = HuggingFaceNamingEquivalenceTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
