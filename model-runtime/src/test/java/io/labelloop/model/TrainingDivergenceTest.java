package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.NonFiniteLosses;
import io.labelloop.model.train.ProgressListener;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full fine-tuning of a tiny BERT written by the test, driven into non-finite losses by an absurd learning rate:
 * after one step the weights are near the float limit and the next forward pass overflows.
 */
class TrainingDivergenceTest {

    private static final float ABSURD = 1e38f;

    private static TinyBert tiny;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        tiny = TinyBert.open(dir);
    }

    @AfterAll
    static void stop() {
        if (tiny != null) {
            tiny.close();
        }
    }

    @Test
    void aNonFiniteLossSkipsItsStepAndAFewInARowAcrossEpochsEndTheTrainingNamingEpochBatchAndLearningRates() {
        List<ProgressListener.EpochProgress> progress = new ArrayList<>();
        TrainingRequest request = absurd().optBatchSize(4).optProgressListener(progress::add).build(); // 2 batches an epoch

        Throwable failure = catchFailure(request);

        assertThat(progress).as("epoch 1: the first step overflowed the weights, the second batch was skipped").hasSize(1);
        assertThat(progress.get(0).skippedBatches()).isEqualTo(1);
        assertThat(progress.get(0).trainLoss()).as("the mean over the batch that counted").isFinite();
        Matcher at = Pattern.compile("training diverged at epoch (\\d+), batch (\\d+) of 2: the loss was (NaN|-?Infinity) for "
                + NonFiniteLosses.MAX_IN_A_ROW + " batches in a row; the weights are ").matcher(failure.getMessage());
        assertThat(at.find()).as(failure.getMessage()).isTrue();
        assertThat(at.group(1)).as("the epoch after the last one reported").isEqualTo("2");
        assertThat(at.group(2)).isEqualTo("2");
        assertThat(failure.getMessage()).contains("learningRate " + ABSURD, "headLearningRate " + ABSURD);
    }

    @Test
    void aNonFiniteEvalLossEndsTheTrainingInsteadOfPassingForNoEvalExamples() {
        List<Example> examples = examples();
        TrainingRequest request = absurd().optBatchSize(4).optEvalExamples(examples).build();

        Throwable failure = catchFailure(request);

        assertThat(failure.getMessage()).startsWith("training diverged after epoch 1: the loss on the 8 evaluation examples was ");
    }

    @Test
    void anEpochWithoutAFiniteLossEndsTheTrainingEvenBeforeAFewInARow() {
        TrainingRequest request = absurd().optBatchSize(TinyBert.TEXTS.size()).build(); // 1 batch an epoch

        Throwable failure = catchFailure(request);

        assertThat(failure.getMessage()).startsWith("training diverged in epoch 2: no batch of the epoch (batches: 1) had a finite loss;");
    }

    private static Throwable catchFailure(TrainingRequest request) {
        List<Throwable> thrown = new ArrayList<>();
        assertThatThrownBy(() -> tiny.runtime.train(request).close()).isInstanceOf(ModelException.class).satisfies(thrown::add);
        return thrown.get(0);
    }

    private static TrainingRequest.Builder absurd() {
        return TrainingRequest.builder().setLabels(tiny.classifier.labels()).setTrainExamples(examples()).optMode(TrainingMode.FULL)
                .optEpochs(5).optLearningRate(ABSURD).optHeadLearningRate(ABSURD).optTrainWordEmbeddings(true).optBase(tiny.classifier);
    }

    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < TinyBert.TEXTS.size(); i++) {
            examples.add(new Example("t-" + i, TinyBert.TEXTS.get(i), tiny.classifier.labels().get(i % 2)));
        }
        return examples;
    }
}
