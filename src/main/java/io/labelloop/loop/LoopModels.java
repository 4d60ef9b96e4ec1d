package io.labelloop.loop;

import io.labelloop.model.LabelDescription;
import io.labelloop.model.LabelSetFile;
import io.labelloop.model.ModelException;
import io.labelloop.model.ModelRuntime;
import io.labelloop.model.TextClassifier;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The classifiers of each loop: the zero-shot base (the loop's pretrained start, built from the label
 * descriptions), the serving version, and trained candidates not yet promoted. The serving version is what the
 * registry says is current, loaded from its directory after a restart.
 */
@Component
class LoopModels implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LoopModels.class);

    private final ModelRuntime runtime;
    private final ModelRegistry registry;
    private final LoopProperties properties;
    private final LoopMetrics metrics;
    private final Map<String, TextClassifier> bases = new HashMap<>();
    private final Map<String, TextClassifier> serving = new HashMap<>();
    private final Map<String, TextClassifier> candidates = new HashMap<>();

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
        return bases.computeIfAbsent(loop.name(), k -> runtime.zeroShot(labelSet(loop)));
    }

    /** The version that scores: the registry's current one, else the zero-shot base registered as the first version. */
    synchronized TextClassifier serving(LoopConfig loop) {
        TextClassifier model = serving.get(loop.name());
        if (model != null) {
            return model;
        }
        Optional<ModelVersion> current = registry.current(loop.name());
        model = current.isPresent() ? load(loop, current.get()) : registerZeroShot(loop);
        serving.put(loop.name(), model);
        metrics.serving(loop.name(), registry.current(loop.name()).map(ModelVersion::iteration).orElse(0));
        return model;
    }

    /** A version by name: the serving one, a candidate in memory, or one loaded from the registry's path. */
    synchronized TextClassifier version(LoopConfig loop, String version) {
        TextClassifier s = serving(loop);
        if (s.version().equals(version)) {
            return s;
        }
        TextClassifier candidate = candidates.get(key(loop, version));
        if (candidate != null) {
            return candidate;
        }
        ModelVersion stored = registry.find(loop.name(), version).orElseThrow(() ->
                new LoopException(loop.name(), "model version '" + version + "' is not in the registry"));
        TextClassifier loaded = load(loop, stored);
        candidates.put(key(loop, version), loaded);
        return loaded;
    }

    synchronized void keepCandidate(LoopConfig loop, TextClassifier model) {
        TextClassifier previous = candidates.put(key(loop, model.version()), model);
        if (previous != null && previous != model) {
            previous.close();
        }
    }

    /** Makes the version current in the registry, then swaps it in for scoring. */
    synchronized ModelVersion promote(LoopConfig loop, String version) {
        TextClassifier model = version(loop, version);
        ModelVersion promoted = registry.promote(loop.name(), version);
        TextClassifier old = serving.put(loop.name(), model);
        candidates.remove(key(loop, version));
        if (old != null && old != model && old != bases.get(loop.name())) {
            old.close();
        }
        metrics.promoted(loop.name(), promoted.iteration());
        return promoted;
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
        ModelVersion current = registry.promote(loop.name(), zeroShot.version());
        LOG.info("[{}] no model version yet: the zero-shot model {} serves", loop.name(), current.version());
        return zeroShot;
    }

    private static String key(LoopConfig loop, String version) {
        return loop.name() + "/" + version;
    }

    @Override
    public synchronized void destroy() {
        candidates.values().forEach(TextClassifier::close);
        serving.values().stream().filter(m -> !bases.containsValue(m)).forEach(TextClassifier::close);
        bases.values().forEach(TextClassifier::close);
    }
}
