package io.labelloop.loop.ui;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.labelloop.queue.LabelingQueueService;
import jakarta.annotation.PreDestroy;

/**
 * Queue depth over the last hour per dataset, for the dashboards' queue chart. Sampling starts when a
 * dashboard first asks for a dataset, so a server nobody looks at does no work.
 */
@Component
class QueueDepthSamples {

    /** Time between two samples. */
    static final long PERIOD_SECONDS = 30;
    /** Samples kept per dataset: one hour. */
    static final int KEPT = 120;

    record Sample(Instant at, long depth) {
    }

    private final LabelingQueueService queue;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "labelloop-queue-depth");
        t.setDaemon(true);
        return t;
    });

    QueueDepthSamples(LabelingQueueService queue) {
        this.queue = queue;
        timer.scheduleAtFixedRate(this::sampleAll, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** The samples so far, oldest first; the first call for a dataset starts sampling it. */
    List<Sample> of(String dataset) {
        Deque<Sample> kept = samples.computeIfAbsent(dataset, d -> new ArrayDeque<>());
        boolean empty;
        synchronized (kept) {
            empty = kept.isEmpty();
        }
        if (empty) {
            sample(dataset);
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    private void sampleAll() {
        samples.keySet().forEach(this::sample);
    }

    private void sample(String dataset) {
        Deque<Sample> kept = samples.get(dataset);
        try {
            Sample s = new Sample(Instant.now(), queue.depth(dataset));
            synchronized (kept) {
                kept.addLast(s);
                while (kept.size() > KEPT) {
                    kept.removeFirst();
                }
            }
        } catch (RuntimeException e) {
            // a store that is briefly away leaves a gap in the chart, nothing else
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
