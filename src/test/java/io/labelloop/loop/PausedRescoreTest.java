package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labelloop.control.LoopControl;
import io.labelloop.control.LoopStatus;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.registry.LoopTasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A long re-score with the real MiniLM model on the embedded node, paused in the middle: the pause answers at once,
 * the task stops at a safe point with its checkpoint in OpenSearch, and it continues from there (not from zero) on
 * resume and when the next score of the same version runs after a restart, ending with one version's scores.
 */
class PausedRescoreTest extends EmbeddedLoopApp {

    /** Six chunks of {@link ScoreStep#CHUNK}: the pause asked for after the first lands well before the end. */
    private static final int RECORDS = 6 * ScoreStep.CHUNK;
    private static final String OLD_VERSION = "v-old";
    private static final String[] WHO = {"my card", "the transfer", "my refund", "the app", "my pin", "the top up",
            "my account", "the exchange rate", "my salary", "the cash machine"};
    private static final String[] WHAT = {"was declined", "has not arrived", "works well", "is blocked",
            "needs changing", "was charged twice", "is late", "looks wrong", "was approved", "stopped working"};
    private static final String[] WHEN = {"today", "yesterday", "on monday", "this week", "again", "last night",
            "after the update", "at the shop", "abroad", "since friday"};

    @Autowired
    LoopStepService steps;
    @Autowired
    LoopControl control;
    @Autowired
    DatasetService datasets;
    @Autowired
    LoopTasks tasks;

    @Test
    void aPauseDuringALongRescoreAnswersAtOnceAndTheRescoreResumesWhereItStoppedToTheEnd() throws Exception {
        LoopConfig loop = loopScoredByAnOldVersion("paused");
        CompletableFuture<StepResults.Scored> first = CompletableFuture.supplyAsync(() -> steps.score(loop));
        await(() -> steps.progress(loop).map(p -> p.running() && p.done() >= ScoreStep.CHUNK).orElse(false));

        LoopStatus pausing = control.pause(loop.name());

        assertThat(first).as("the pause returned while the re-score still ran").isNotDone();
        assertThat(pausing.state()).isEqualTo(LoopStatus.PAUSING);
        assertThat(pausing.message()).startsWith("pausing: waiting for score ").endsWith(" to reach a safe point");
        assertThatThrownBy(() -> first.get(5, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(LoopPausedException.class);
        await(() -> control.loop(loop.name()).state().equals(LoopStatus.PAUSED));
        LoopStatus paused = control.loop(loop.name());
        String version = paused.interrupted().version();
        long stoppedAt = paused.interrupted().done();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.interrupted().state()).isEqualTo(LoopTasks.State.PAUSED);
        assertThat(stoppedAt).isBetween((long) ScoreStep.CHUNK, RECORDS - 1L);
        assertThat(scoredBy(loop, version)).isEqualTo(stoppedAt);
        assertThat(scoredBy(loop, OLD_VERSION)).isEqualTo(RECORDS - stoppedAt);
        assertThatThrownBy(() -> steps.score(loop)).as("a paused loop scores nothing until resumed")
                .isInstanceOf(LoopPausedException.class);

        control.resume(loop.name());

        await(() -> tasks.find(loop.name()).orElseThrow().state() == LoopTasks.State.DONE);
        LoopProgress resumed = steps.progress(loop).orElseThrow();
        assertThat(resumed.doneAtStart()).as("continued from the checkpoint, not from zero").isEqualTo(stoppedAt);
        assertThat(resumed.done()).isEqualTo(RECORDS);
        assertThat(resumed.percent()).isEqualTo(100.0);
        assertThat(scoredBy(loop, version)).as("one version's scores, no mix").isEqualTo(RECORDS);
        assertThat(control.loop(loop.name()).state()).isEqualTo(LoopStatus.RUNNING);
    }

    @Test
    void aRescoreInterruptedByARestartContinuesFromItsStoredCheckpointWithTheNextScoreOfThatVersion() {
        LoopConfig loop = loopScoredByAnOldVersion("restarted");
        String version = steps.score(loop).modelVersion();
        long unscored = RECORDS / 3;
        storeOldPredictions(loop, unscored);
        // what a process that died after two thirds of a re-score leaves in OpenSearch: the checkpoint, still RUNNING
        tasks.started(loop.name(), ScoreStep.TASK, version, RECORDS, RECORDS - unscored);

        StepResults.Scored after = steps.score(loop);

        assertThat(after.records()).as("only what the interrupted run had not scored").isEqualTo(unscored);
        assertThat(steps.progress(loop).orElseThrow().doneAtStart()).isEqualTo(RECORDS - unscored);
        assertThat(scoredBy(loop, version)).isEqualTo(RECORDS);
        assertThat(tasks.find(loop.name()).orElseThrow().state()).isEqualTo(LoopTasks.State.DONE);
    }

    @Test
    void twoScoresOfTheSameVersionAtOnceScoreEachRecordOnceAndALaterOneOnlyWhatArrivedSince() throws Exception {
        int records = 2 * ScoreStep.CHUNK;
        LoopConfig loop = loopScoredByAnOldVersion("twice", records);
        CompletableFuture<StepResults.Scored> a = CompletableFuture.supplyAsync(() -> steps.score(loop));
        CompletableFuture<StepResults.Scored> b = CompletableFuture.supplyAsync(() -> steps.score(loop));

        long scored = a.get(5, TimeUnit.MINUTES).records() + b.get(5, TimeUnit.MINUTES).records();

        assertThat(scored).as("between the two, each record scored once").isEqualTo(records);
        String version = a.get().modelVersion();
        assertThat(scoredBy(loop, version)).isEqualTo(records);
        datasets.log(loop.dataset(), List.of(TextRecord.of("late-1", "my card arrived broken", Map.of()),
                TextRecord.of("late-2", "how do I freeze my card", Map.of())));
        assertThat(steps.score(loop).records()).as("only the records imported since").isEqualTo(2);
        assertThat(scoredBy(loop, version)).isEqualTo(records + 2);
    }

    private LoopConfig loopScoredByAnOldVersion(String kind) {
        return loopScoredByAnOldVersion(kind, RECORDS);
    }

    private LoopConfig loopScoredByAnOldVersion(String kind, int size) {
        String name = kind + "-rescore-" + ProcessHandle.current().pid();
        datasets.create(name, List.of("NEGATIVE", "POSITIVE"), 0.0);
        List<TextRecord> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            records.add(TextRecord.of("r" + i, WHO[i % 10] + " " + WHAT[i / 10 % 10] + " " + WHEN[i / 100 % 10]
                    + " (case " + i + ")", Map.of()));
        }
        datasets.log(name, records);
        LoopConfig loop = variant(name, name, Map.of());
        storeOldPredictions(loop, size);
        return loop;
    }

    /** The first {@code count} records get predictions of another version, as before a promote. */
    private void storeOldPredictions(LoopConfig loop, long count) {
        Map<String, List<PredictedLabel>> old = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            old.put("r" + i, List.of(new PredictedLabel("NEGATIVE", 0.5), new PredictedLabel("POSITIVE", 0.5)));
        }
        datasets.storePredictions(loop.dataset(), old, OLD_VERSION);
        datasets.refresh(loop.dataset());
    }

    private long scoredBy(LoopConfig loop, String version) {
        datasets.refresh(loop.dataset());
        return datasets.count(loop.dataset(), RecordQuery.all().withStatuses(RecordStatus.DEFAULT).withModelVersion(version));
    }

    /** Waits for a state the steps reach on their own; the bound only stops a broken build from hanging. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within 5 minutes").isLessThan(until);
            Thread.sleep(20);
        }
    }
}
