package io.labelloop.stopping;

import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * When to stop labeling a loop. The forecast fits a learning curve to the loop's trained versions (see
 * {@link LearningCurveFit}); the signal compares consecutive scored versions' predictions on the loop's stop set
 * (see {@link StoppingRule}). A version counts for the signal only once it scored the pool, i.e. once it served: a
 * candidate that was not promoted never predicted the pool, and the comparison skips it.
 */
@Service
public class StoppingService {

    /** The forecast horizons: labels beyond the last trained version's. */
    public static final List<Long> HORIZONS = List.of(100L, 500L);

    private final StopSets stopSets;
    private final ModelRegistry registry;
    private final StoppingMeters meters;
    private final StoppingRule rule = StoppingRule.defaults();

    StoppingService(StopSets stopSets, ModelRegistry registry, StoppingMeters meters) {
        this.stopSets = stopSets;
        this.registry = registry;
        this.meters = meters;
    }

    /** Registers the loop's forecast and stopping gauges (see {@link StoppingMeters}). */
    public void registerMeters(String loop) {
        meters.register(loop, () -> status(loop));
    }

    /**
     * After {@code version} scored the loop's pool: draws the loop's stop set if it has none (seeded by
     * {@code seed}) and keeps the version's predicted labels on it, read back from the scored records.
     */
    public void recordScored(String loop, String dataset, long seed, String version) {
        StopSet set = stopSets.stopSet(loop, dataset, seed);
        if (set.ids().isEmpty()) {
            return;
        }
        int iteration = registry.find(loop, version).map(ModelVersion::iteration).orElse(0);
        stopSets.record(set, version, iteration);
    }

    /** The loop's forecast and stopping signal now, from what the store holds (so every node answers the same). */
    public WhenToStop status(String loop) {
        List<CurvePoint> points = curve(registry.history(loop));
        Optional<LearningCurveFit> fit = LearningCurveFit.of(points);
        List<Forecast> forecasts = fit.map(f -> HORIZONS.stream().map(f::forecast).toList()).orElse(List.of());
        List<KappaStep> kappas = kappas(loop);
        int stopSetSize = stopSets.find(loop).map(s -> s.ids().size()).orElse(0);
        return new WhenToStop(loop, points.size(), forecasts, fit.map(LearningCurveFit::asymptote).orElse(null),
                fit.map(LearningCurveFit::exponent).orElse(null), stopSetSize, kappas, rule.meanOfLast(kappas),
                signal(kappas), rule.window(), rule.threshold(), rule.describe());
    }

    /** What the rule says after these comparisons (oldest first). */
    public WhenToStop.Signal signal(List<KappaStep> kappas) {
        if (rule.meanOfLast(kappas) == null) {
            return WhenToStop.Signal.TOO_FEW_VERSIONS;
        }
        return rule.stop(kappas) ? WhenToStop.Signal.STOP : WhenToStop.Signal.CONTINUE;
    }

    /** Kappa between each scored version and the previous one on the loop's stop set, oldest first. */
    public List<KappaStep> kappas(String loop) {
        List<VersionPredictions> scored = stopSets.predictions(loop);
        List<KappaStep> steps = new ArrayList<>();
        for (int i = 1; i < scored.size(); i++) {
            VersionPredictions before = scored.get(i - 1);
            VersionPredictions after = scored.get(i);
            Kappa.between(before.version(), before.predicted(), after.version(), after.predicted())
                    .ifPresent(steps::add);
        }
        return steps;
    }

    /** The learning-curve points of these versions (trained, evaluated, not FAILED), in their order. */
    public static List<CurvePoint> curve(List<ModelVersion> versions) {
        return versions.stream().map(CurvePoint::of).flatMap(Optional::stream).toList();
    }
}
