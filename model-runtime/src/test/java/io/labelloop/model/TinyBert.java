package io.labelloop.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A runtime with a tiny BERT classifier written by the test, and a few short banking texts to fine-tune it on: the
 * fixture of the tests that drive full fine-tuning itself (divergence, the GC) rather than its accuracy.
 */
final class TinyBert implements AutoCloseable {

    static final List<String> TEXTS = List.of("my card was declined!", "how do i open an account?", "where is my money",
            "can i use it abroad?", "the payment failed", "what fee", "i lost my card", "how do i top up");

    final ModelRuntime runtime;
    final TextClassifier classifier;

    private TinyBert(ModelRuntime runtime, TextClassifier classifier) {
        this.runtime = runtime;
        this.classifier = classifier;
    }

    /** Writes the tiny BERT under {@code dir} and opens it on a runtime of two threads. */
    static TinyBert open(Path dir) throws Exception {
        ModelRuntime runtime = ModelRuntime.builder().optThreads(2).build();
        try {
            return new TinyBert(runtime, runtime.fromDirectory(TinyHuggingFaceModel.write(dir.resolve("bert"), "bert", true),
                    List.of()));
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
    }

    @Override
    public void close() {
        classifier.close();
        runtime.close();
    }
}
