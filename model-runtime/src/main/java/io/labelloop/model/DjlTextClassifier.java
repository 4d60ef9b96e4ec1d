package io.labelloop.model;

import io.labelloop.model.core.LabelScore;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.infer.Classifier;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.weights.Provenance;
import io.labelloop.model.weights.VersionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@link TextClassifier} over an {@link Classifier} of the inference room, with its provenance and scoring defaults. */
final class DjlTextClassifier implements TextClassifier {

    private final Classifier classifier;
    private final ScoringOptions defaults;
    private volatile Provenance provenance;

    DjlTextClassifier(Classifier classifier, Provenance provenance, ScoringOptions defaults) {
        this.classifier = classifier;
        this.defaults = defaults;
        provenance(provenance);
    }

    /** The classifier behind a {@link TextClassifier} made by a {@link ModelRuntime}. */
    static Classifier unwrap(TextClassifier model) {
        if (!(model instanceof DjlTextClassifier djl)) {
            throw new IllegalArgumentException("base must be a classifier made by a ModelRuntime, got " + model.getClass());
        }
        return djl.classifier;
    }

    /** Replaces the provenance while the model is being made (training adds its evaluation). */
    void provenance(Provenance provenance) {
        this.provenance = provenance;
        classifier.name(provenance.version());
    }

    @Override
    public List<String> labels() {
        return classifier.labels();
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public List<Prediction> predict(List<String> texts) {
        return predict(texts, defaults);
    }

    @Override
    public List<Prediction> predict(List<String> texts, ScoringOptions options) {
        int padTo = options.padToMaxLength() ? options.maxLength() : 0;
        float[][] probs = classifier.run(texts, options.batchSize(), options.maxLength(), padTo, false);
        List<String> labels = labels();
        List<Prediction> out = new ArrayList<>(probs.length);
        for (float[] p : probs) {
            List<LabelScore> scores = new ArrayList<>(labels.size());
            for (int k = 0; k < labels.size(); k++) {
                scores.add(new LabelScore(labels.get(k), p[k]));
            }
            out.add(new Prediction(scores, provenance.version()));
        }
        return out;
    }

    @Override
    public float[][] embed(List<String> texts) {
        return classifier.run(texts, defaults.batchSize(), defaults.maxLength(), 0, true);
    }

    @Override
    public int[] tokenCounts(List<String> texts) {
        return classifier.tokenCounts(texts, defaults.maxLength());
    }

    @Override
    public EncoderInfo encoderInfo() {
        EncoderConfig c = classifier.block().encoder().config();
        return new EncoderInfo(c.architecture(), c.layers(), c.hidden(), c.heads(), c.intermediate(), c.vocabSize(),
                c.maxPositions(), c.linearWeights());
    }

    @Override
    public void save(Path dir) {
        VersionFiles.save(dir, classifier.weights(false), classifier.tokenizer().json(), classifier.tokenizer().prefix(),
                classifier.block().encoder().config(),
                classifier.block().head().config(), classifier.sharedEncoder(), provenance);
    }

    @Override
    public void close() {
        classifier.close();
    }
}
