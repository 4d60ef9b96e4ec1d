package io.labelloop.model;

import java.nio.file.Path;
import java.util.List;

/** The implementation behind {@link ModelRuntime}. */
final class RuntimeCore implements AutoCloseable {

    private final ModelRuntime.Settings settings;

    RuntimeCore(ModelRuntime.Settings settings) {
        this.settings = settings;
    }

    TextClassifier zeroShot(List<LabelDescription> labels) {
        throw new UnsupportedOperationException("zero-shot classifier: being implemented");
    }

    TextClassifier load(Path versionDir) {
        throw new UnsupportedOperationException("load: being implemented");
    }

    TextClassifier fromHub(String modelId, List<String> labels) {
        throw new UnsupportedOperationException("fromHub: being implemented");
    }

    TextClassifier fromDirectory(Path dir, List<String> labels) {
        throw new UnsupportedOperationException("fromDirectory: being implemented");
    }

    TrainingResult train(TrainingRequest request) {
        throw new UnsupportedOperationException("train: being implemented");
    }

    @Override
    public void close() {
    }
}
