package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrainingGateTest {

    private final TrainingGate gate = new TrainingGate();

    @Test
    void aSecondTrainingOfTheSameDatasetWaitsForTheFirstInsteadOfRunningInParallel() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> gate.exclusive("ds", () -> {
                events.add("first start");
                firstStarted.countDown();
                await(releaseFirst);
                events.add("first end");
                return null;
            }));
            firstStarted.await(5, TimeUnit.SECONDS);
            Future<?> second = pool.submit(() -> gate.exclusive("ds", () -> events.add("second")));
            Thread.sleep(200);
            assertThat(events).containsExactly("first start");
            assertThat(gate.isTraining("ds")).isTrue();

            releaseFirst.countDown();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);

            assertThat(events).containsExactly("first start", "first end", "second");
            assertThat(gate.isTraining("ds")).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trainingsOfDifferentDatasetsDoNotWaitForEachOther() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> gate.exclusive("a", () -> {
                inside.countDown();
                await(release);
                return null;
            }));
            inside.await(5, TimeUnit.SECONDS);

            assertThat(gate.exclusive("b", () -> "ran")).isEqualTo("ran");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
