package io.labelloop.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters {@code labelloop.*}, tagged by loop: queue depth, labels per minute, records scored per second,
 * training duration, accuracy and macro-F1 of each model version, the serving iteration. On /actuator/prometheus
 * they appear as {@code labelloop_queue_depth{loop="..."}} and so on.
 */
@Component
public class LoopMetrics {

    static final String LOOP = "loop";
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> servingIteration = new ConcurrentHashMap<>();
    private final Map<String, double[]> lastScoringRate = new ConcurrentHashMap<>();
    private final Map<String, Deque<long[]>> labelSamples = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> modelGauges = new ConcurrentHashMap<>();

    public LoopMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the gauges that read the loop's state when scraped. */
    public void registerLoop(String loop, Supplier<Number> queueDepth, Supplier<Number> labels) {
        Tags tags = Tags.of(LOOP, loop);
        Gauge.builder("labelloop.queue.depth", () -> safe(queueDepth)).tags(tags)
                .description("Records waiting in the loop's labeling queue").register(registry);
        Gauge.builder("labelloop.labels", () -> safe(labels)).tags(tags)
                .description("Validated train-split labels of the loop's dataset").register(registry);
        Gauge.builder("labelloop.labels.per.minute", () -> labelsPerMinute(loop)).tags(tags)
                .description("Labels per minute over the last minute").register(registry);
        Gauge.builder("labelloop.scoring.records.per.second", () -> lastScoringRate.getOrDefault(loop, new double[1])[0])
                .tags(tags).description("Records scored per second by the last scoring").register(registry);
        Gauge.builder("labelloop.model.serving.iteration", () -> serving(loop).get()).tags(tags)
                .description("Iteration of the model version that serves").register(registry);
        // registered at 0 so that a scrape tells "no promotion yet" from "no such meter"
        promotions(loop);
    }

    /** Remembers the loop's label count now, for labels per minute. */
    public void sampleLabels(String loop, long labels) {
        Deque<long[]> samples = labelSamples.computeIfAbsent(loop, k -> new ArrayDeque<>());
        long now = System.currentTimeMillis();
        synchronized (samples) {
            samples.addLast(new long[] {now, labels});
            while (samples.size() > 2 && samples.peekFirst()[0] < now - RATE_WINDOW.toMillis()) {
                samples.pollFirst();
            }
        }
    }

    public void scored(String loop, long records, double seconds) {
        Counter.builder("labelloop.records.scored").tags(LOOP, loop).description("Records scored")
                .register(registry).increment(records);
        lastScoringRate.put(loop, new double[] {seconds > 0 ? records / seconds : 0});
    }

    public void trained(String loop, String mode, double seconds, boolean succeeded) {
        Timer.builder("labelloop.training.duration").tags(LOOP, loop, "mode", mode, "outcome", succeeded ? "success" : "failed")
                .description("Training wall time").register(registry).record(Duration.ofMillis((long) (seconds * 1000)));
    }

    public void evaluated(String loop, String version, double accuracy, double macroF1) {
        Tags tags = Tags.of(LOOP, loop, "version", version);
        // Micrometer keeps the first object registered for a name and tags: re-evaluating a version must update it.
        gaugeValue("labelloop.model.accuracy", "Held-out accuracy of a model version", tags).set(Double.doubleToLongBits(accuracy));
        gaugeValue("labelloop.model.macro.f1", "Held-out macro-F1 of a model version", tags).set(Double.doubleToLongBits(macroF1));
    }

    private AtomicLong gaugeValue(String name, String description, Tags tags) {
        return modelGauges.computeIfAbsent(name + tags, k -> {
            AtomicLong value = new AtomicLong(Double.doubleToLongBits(Double.NaN));
            Gauge.builder(name, value, a -> Double.longBitsToDouble(a.get())).tags(tags)
                    .description(description).strongReference(true).register(registry);
            return value;
        });
    }

    public void promoted(String loop, int iteration) {
        serving(loop).set(iteration);
        promotions(loop).increment();
    }

    private Counter promotions(String loop) {
        return Counter.builder("labelloop.promotions").tags(LOOP, loop).description("Model versions promoted")
                .register(registry);
    }

    /** The serving iteration, for a restart that finds a current version in the registry. */
    public void serving(String loop, int iteration) {
        serving(loop).set(iteration);
    }

    private AtomicLong serving(String loop) {
        return servingIteration.computeIfAbsent(loop, k -> new AtomicLong());
    }

    private double labelsPerMinute(String loop) {
        Deque<long[]> samples = labelSamples.get(loop);
        if (samples == null) {
            return 0;
        }
        synchronized (samples) {
            if (samples.size() < 2) {
                return 0;
            }
            long[] first = samples.peekFirst();
            long[] last = samples.peekLast();
            double minutes = (last[0] - first[0]) / 60_000.0;
            return minutes <= 0 ? 0 : Math.max(0, (last[1] - first[1]) / minutes);
        }
    }

    private static double safe(Supplier<Number> supplier) {
        try {
            return supplier.get().doubleValue();
        } catch (RuntimeException e) {
            // A scrape while the store is down reports "unknown", it must not fail the whole endpoint.
            return Double.NaN;
        }
    }
}
