package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.labelloop.model.train.Example;
import io.labelloop.model.train.ProgressListener;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full fine-tuning must not depend on when the GC runs. DJL's scalar operations ({@code mul(Number)}, {@code div(Number)},
 * {@code maximum(Number)}) wrap the number with torch::from_blob over a direct buffer and close it at once; where autograd
 * saves that operand, the backward pass read freed memory once the GC had collected the buffer: with a fixed seed, 1 bench
 * run in 4 went NaN. With the GC forced all the time, the per-epoch losses must equal those of a quiet run, bit for bit.
 */
class TrainingUnderGcTest {


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
    void fullFineTuningGivesTheSameLossesWhileTheGcRunsAllTheTime() throws Exception {
        List<Double> quiet = losses();

        Thread gc = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        gc.setDaemon(true);
        gc.start();
        List<Double> underGc;
        try {
            underGc = losses();
        } finally {
            gc.interrupt();
            gc.join();
        }

        assertThat(quiet).allMatch(Double::isFinite);
        assertThat(underGc).as("per-epoch train losses with System.gc() running every millisecond").isEqualTo(quiet);
    }

    private static List<Double> losses() {
        List<Example> examples = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            for (int i = 0; i < TinyBert.TEXTS.size(); i++) {
                examples.add(new Example("t-" + copy + "-" + i, TinyBert.TEXTS.get(i), tiny.classifier.labels().get(i % 2)));
            }
        }
        List<ProgressListener.EpochProgress> progress = new ArrayList<>();
        TrainingRequest request = TrainingRequest.builder().setLabels(tiny.classifier.labels()).setTrainExamples(examples)
                .optMode(TrainingMode.FULL).optEpochs(4).optBatchSize(4).optSeed(42).optBase(tiny.classifier)
                .optProgressListener(progress::add).build();
        tiny.runtime.train(request).close();
        return progress.stream().map(ProgressListener.EpochProgress::trainLoss).toList();
    }
}
