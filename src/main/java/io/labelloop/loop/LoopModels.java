package io.labelloop.loop;

import io.labelloop.model.LabelDescription;
import io.labelloop.model.LabelSetFile;
import io.labelloop.model.ModelRuntime;
import io.labelloop.model.TextClassifier;
import io.labelloop.model.core.ModelException;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import io.labelloop.registry.Promotion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import java.time.Instant;

/**
 * The classifiers of each loop: the zero-shot base (the loop's pretrained start, built from the label
 * descriptions), the serving version, and trained candidates not yet promoted. The serving version is what the
 * registry says is current, loaded from its directory after a restart. Users take a {@link ModelLease}, so a model
 * replaced by a promote or let go after its evaluation closes only once the last user is done.
 */
@Component
class LoopModels implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LoopModels.class);
    /**
     * Trained versions kept in memory per loop besides the serving one: the latest (evaluated, then promoted or let
     * go) and one more; a full-mode model holds ~90 MB of weights.
     */
    static final int MAX_CANDIDATES_PER_LOOP = 2;

    private final ModelRuntime runtime;
    private final ModelRegistry registry;
    private final LoopProperties properties;
    private final LoopMetrics metrics;
    private final Map<String, TextClassifier> bases = new HashMap<>();
    private final Map<String, SharedModel> serving = new HashMap<>();
    /** In insertion order, so the oldest candidate is let go first. */
    private final Map<String, SharedModel> candidates = new LinkedHashMap<>();

    LoopModels(ModelRuntime runtime, ModelRegistry registry, LoopProperties properties, LoopMetrics metrics) {
        this.runtime = runtime;
        this.registry = registry;
        this.properties = properties;
        this.metrics = metrics;
    }

    ModelRuntime runtime() {
        return runtime;
    }

    LoopProperties properties() {
        return properties;
    }

    /** The loop's labels with their descriptions; the error names the label set file. */
    List<LabelDescription> labelSet(LoopConfig loop) {
        Path file = properties.resolve(loop.labelSet());
        try {
            return LabelSetFile.read(file);
        } catch (ModelException e) {
            throw new LoopException(loop.name(), "label set of " + loop.source() + ": " + e.getMessage(), e);
        }
    }

    List<String> labelNames(LoopConfig loop) {
        return labelSet(loop).stream().map(LabelDescription::label).toList();
    }

    /** The pretrained start every training begins from: the encoder with a head made from the label descriptions. */
    synchronized TextClassifier base(LoopConfig loop) {
        return bases.computeIfAbsent(loop.name(), k -> runtime.zeroShot(loop.baseModel(), labelSet(loop)));
    }

    /**
     * A lease on the version that scores: the registry's current one, else the zero-shot base registered as the
     * first version. Close it when done; a promote meanwhile does not close the model under it.
     */
    synchronized ModelLease serving(LoopConfig loop) {
        return servingModel(loop).lease();
    }

    /**
     * The name of the version that scores now. Read from the registry when it is not loaded yet, so that a serving
     * version that cannot be loaded (its weights gone) does not keep an admin from promoting another one.
     */
    synchronized String servingVersion(LoopConfig loop) {
        SharedModel loaded = serving.get(loop.name());
        if (loaded != null) {
            return loaded.model().version();
        }
        Optional<ModelVersion> current = registry.current(loop.name());
        return current.isPresent() ? current.get().version() : servingModel(loop).model().version();
    }

    /** A lease on a version by name: the serving one, a candidate in memory, or one loaded from the registry's path. */
    synchronized ModelLease version(LoopConfig loop, String version) {
        return shared(loop, version).lease();
    }

    /** Keeps a freshly trained version in memory until it is promoted or let go. */
    synchronized void keepCandidate(LoopConfig loop, TextClassifier model) {
        keep(loop, new SharedModel(model, false));
    }

    /**
     * Lets go of a candidate that was not promoted: it closes once its last lease closes. Its weights stay on disk,
     * so an admin can still promote it later.
     */
    synchronized void release(LoopConfig loop, String version) {
        SharedModel candidate = candidates.remove(key(loop, version));
        if (candidate != null) {
            candidate.retire();
        }
    }

    /** Makes the version current in the registry, then swaps it in for scoring; the old one closes when unused. */
    synchronized ModelVersion promote(LoopConfig loop, String version, Promotion promotion) {
        SharedModel model = shared(loop, version);
        ModelVersion promoted = registry.promote(loop.name(), version, promotion);
        SharedModel old = serving.put(loop.name(), model);
        candidates.remove(key(loop, version));
        if (old != null && old != model) {
            old.retire();
        }
        metrics.promoted(loop.name(), promoted.iteration());
        return promoted;
    }

    /** Candidate versions held in memory now, for tests and diagnostics. */
    synchronized int candidatesInMemory(LoopConfig loop) {
        return (int) candidates.keySet().stream().filter(k -> k.startsWith(loop.name() + "/")).count();
    }

    private SharedModel servingModel(LoopConfig loop) {
        SharedModel model = serving.get(loop.name());
        if (model != null) {
            return model;
        }
        Optional<ModelVersion> current = registry.current(loop.name());
        TextClassifier loaded = current.isPresent() ? load(loop, current.get()) : registerZeroShot(loop);
        model = new SharedModel(loaded, loaded == bases.get(loop.name()));
        serving.put(loop.name(), model);
        metrics.serving(loop.name(), registry.current(loop.name()).map(ModelVersion::iteration).orElse(0));
        return model;
    }

    /** Loads the serving version only when it is the one asked for: other versions don't depend on it. */
    private SharedModel shared(LoopConfig loop, String version) {
        SharedModel candidate = candidates.get(key(loop, version));
        if (candidate != null) {
            return candidate;
        }
        if (version.equals(servingVersion(loop))) {
            return servingModel(loop);
        }
        ModelVersion stored = registry.find(loop.name(), version).orElseThrow(() ->
                new LoopException(loop.name(), "model version '" + version + "' is not in the registry"));
        return keep(loop, new SharedModel(load(loop, stored), false));
    }

    /** Holds a candidate; beyond {@link #MAX_CANDIDATES_PER_LOOP} the oldest is let go (it reloads from disk). */
    private SharedModel keep(LoopConfig loop, SharedModel model) {
        SharedModel previous = candidates.remove(key(loop, model.model().version()));
        if (previous != null && previous != model) {
            previous.retire();
        }
        candidates.put(key(loop, model.model().version()), model);
        List<String> held = candidates.keySet().stream().filter(k -> k.startsWith(loop.name() + "/")).toList();
        for (int i = 0; i < held.size() - MAX_CANDIDATES_PER_LOOP; i++) {
            candidates.remove(held.get(i)).retire();
        }
        return model;
    }

    private TextClassifier load(LoopConfig loop, ModelVersion version) {
        try {
            return runtime.load(Path.of(version.path()));
        } catch (ModelException e) {
            throw new LoopException(loop.name(), "cannot load model version " + version.version() + " from "
                    + version.path() + ": " + e.getMessage(), e);
        }
    }

    private TextClassifier registerZeroShot(LoopConfig loop) {
        TextClassifier zeroShot = base(loop);
        Path dir = properties.versionDir(loop.name(), zeroShot.version());
        zeroShot.save(dir);
        registry.register(new ModelVersion(loop.name(), zeroShot.version(), 0, loop.dataset(), loop.baseModel(),
                zeroShot.labels(), 0, 0, "", Map.of("kind", "zero-shot"), Map.of(), dir.toString(), null,
                ModelStatus.CANDIDATE));
        ModelVersion current = registry.promote(loop.name(), zeroShot.version(), new Promotion(Promotion.BY_LOOP,
                Instant.now(), "no version yet: the zero-shot model serves"));
        LOG.info("[{}] no model version yet: the zero-shot model {} serves", loop.name(), current.version());
        return zeroShot;
    }

    private static String key(LoopConfig loop, String version) {
        return loop.name() + "/" + version;
    }

    @Override
    public synchronized void destroy() {
        candidates.values().forEach(m -> m.model().close());
        serving.values().stream().filter(m -> !bases.containsValue(m.model())).forEach(m -> m.model().close());
        bases.values().forEach(TextClassifier::close);
    }
}
