package io.labelloop.stopping;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The stopping figures as Micrometer gauges, tagged by loop: {@code labelloop.forecast.accuracy} (with its
 * {@code .low} and {@code .high} bounds, tagged {@code labels=+100|+500}), {@code labelloop.stopping.kappa} (the last
 * comparison), {@code labelloop.stopping.kappa.mean} and {@code labelloop.stopping.signal} (1 stop, 0 not yet). NaN
 * while a figure does not exist yet.
 */
@Component
class StoppingMeters {

    /** A scrape reads all of a loop's gauges in a row: one computation from the store serves them all. */
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();

    StoppingMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(String loop, Supplier<WhenToStop> status) {
        for (long ahead : StoppingService.HORIZONS) {
            Tags tags = Tags.of("loop", loop, "labels", "+" + ahead);
            gauge("labelloop.forecast.accuracy", "Forecast held-out accuracy after more labels", tags, loop, status,
                    s -> s.forecast(ahead).map(Forecast::accuracy).orElse(Double.NaN));
            gauge("labelloop.forecast.accuracy.low", "Lower bound of the forecast's 95% bootstrap interval", tags, loop,
                    status, s -> s.forecast(ahead).map(Forecast::low).orElse(Double.NaN));
            gauge("labelloop.forecast.accuracy.high", "Upper bound of the forecast's 95% bootstrap interval", tags, loop,
                    status, s -> s.forecast(ahead).map(Forecast::high).orElse(Double.NaN));
        }
        Tags tags = Tags.of("loop", loop);
        gauge("labelloop.stopping.kappa", "Cohen's kappa of the last two scored versions on the stop set", tags, loop,
                status, s -> s.kappas().isEmpty() ? Double.NaN : s.kappas().get(s.kappas().size() - 1).kappa());
        gauge("labelloop.stopping.kappa.mean", "Mean kappa of the stopping rule's window", tags, loop, status,
                s -> s.meanKappa() == null ? Double.NaN : s.meanKappa());
        gauge("labelloop.stopping.signal", "1 when the predictions have stabilized (stop), else 0", tags, loop, status,
                s -> s.signal() == WhenToStop.Signal.STOP ? 1 : 0);
    }

    private void gauge(String name, String description, Tags tags, String loop, Supplier<WhenToStop> status,
                       ToDoubleFunction<WhenToStop> figure) {
        Gauge.builder(name, () -> read(loop, status, figure)).tags(tags).description(description).register(registry);
    }

    private double read(String loop, Supplier<WhenToStop> status, ToDoubleFunction<WhenToStop> figure) {
        try {
            Snapshot snapshot = latest.compute(loop, (k, old) -> old != null && old.fresh() ? old
                    : new Snapshot(status.get(), System.nanoTime()));
            return figure.applyAsDouble(snapshot.status());
        } catch (RuntimeException e) {
            // A scrape while the store is down reports "unknown", it must not fail the whole endpoint.
            return Double.NaN;
        }
    }

    private record Snapshot(WhenToStop status, long atNanos) {

        boolean fresh() {
            return System.nanoTime() - atNanos < FRESH_FOR.toNanos();
        }
    }
}
