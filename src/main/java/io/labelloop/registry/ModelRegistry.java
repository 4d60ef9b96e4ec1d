package io.labelloop.registry;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;

import io.labelloop.store.Criteria;
import io.labelloop.store.Documents;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.Search;
import io.labelloop.store.Sort;
import io.labelloop.store.Stored;
import io.labelloop.store.StoreConflictException;
import io.labelloop.store.Visibility;

/**
 * Model versions per loop ({@code labelloop-models}), the current version per loop ({@code labelloop-loops}), every
 * evaluation with the eval set it measured ({@code labelloop-evaluations}) and the iteration history the dashboards
 * plot.
 */
@Service
public class ModelRegistry {

    private static final int MAX_VERSIONS = 10_000;
    private static final int MAX_CONFLICT_RETRIES = 10;

    private final Documents documents;
    private final String models;
    private final String loops;
    private final String evaluations;

    public ModelRegistry(OpenSearchStore store) {
        this.documents = store.documents();
        this.models = store.index("models");
        this.loops = store.index("loops");
        this.evaluations = store.index("evaluations");
        store.ensureIndex(models);
        store.ensureIndex(loops);
        store.ensureIndex(evaluations);
        // Indices created before evaluations and promotions were stored have a strict mapping without them: old
        // registries gain them (stored, not indexed) and keep working.
        store.addStoredObjectFields(models, List.of("evaluation", "promotion"));
    }

    /**
     * Records a new version (numbered after the loop's last one when its iteration is 0, dated now when its
     * creation time is null).
     *
     * @throws IllegalArgumentException if the loop already has this version
     */
    public ModelVersion register(ModelVersion version) {
        requireText(version.loop(), "loop");
        requireText(version.version(), "version");
        int iteration = version.iteration() > 0 ? version.iteration() : lastIteration(version.loop()) + 1;
        Instant at = version.createdAt() == null ? Instant.now() : version.createdAt();
        ModelVersion stored = version.with(iteration, at, version.status(), version.metrics());
        try {
            documents.create(models, id(stored.loop(), stored.version()), stored, Visibility.IMMEDIATE);
            return stored;
        } catch (StoreConflictException e) {
            throw new IllegalArgumentException("Loop '" + version.loop() + "' already has a model version '"
                    + version.version() + "'", e);
        }
    }

    /** One version of a loop. */
    public Optional<ModelVersion> find(String loop, String version) {
        return get(loop, version).map(Stored::source);
    }

    /** The version the loop scores with, if one was promoted. */
    public Optional<ModelVersion> current(String loop) {
        return currentPointer(loop).map(Stored::source).map(LoopDoc::currentVersion)
                .flatMap(v -> find(loop, v));
    }

    /**
     * Makes this version the loop's current one; the previous current version becomes RETIRED.
     *
     * @throws IllegalArgumentException if the version does not exist or FAILED
     */
    public ModelVersion promote(String loop, String version) {
        return promote(loop, version, new Promotion(Promotion.BY_LOOP, Instant.now(), ""));
    }

    /**
     * Makes this version the loop's current one, recording who promoted it and why; the previous current version
     * becomes RETIRED.
     *
     * @throws IllegalArgumentException if the version does not exist or FAILED
     */
    public ModelVersion promote(String loop, String version, Promotion promotion) {
        ModelVersion target = find(loop, version).orElseThrow(() ->
                new IllegalArgumentException("Loop '" + loop + "' has no model version '" + version + "'"));
        if (target.status() == ModelStatus.FAILED) {
            throw new IllegalArgumentException("Model version '" + version + "' of loop '" + loop + "' FAILED: not promoted");
        }
        String previous = swapPointer(loop, version);
        if (previous != null && !previous.equals(version)) {
            setStatus(loop, previous, ModelStatus.RETIRED);
        }
        return update(loop, version, v -> v.with(v.iteration(), v.createdAt(), ModelStatus.CURRENT, v.metrics())
                .withPromotion(promotion));
    }

    /**
     * Stores a version's full evaluation, and its accuracy and macro-F1 among its metrics, and adds it to the loop's
     * evaluation history; an evaluation that repeats the version's last measurement (same records, same figures)
     * adds no entry.
     */
    public ModelVersion updateEvaluation(String loop, String version, ModelEvaluation measured) {
        ModelEvaluation evaluation = measured.evaluatedAt() != null ? measured : measured.at(Instant.now());
        AtomicReference<ModelEvaluation> previous = new AtomicReference<>();
        ModelVersion updated = update(loop, version, v -> {
            previous.set(v.evaluation());
            Map<String, Double> merged = new HashMap<>(v.metrics());
            merged.put(ModelVersion.ACCURACY, evaluation.accuracy());
            merged.put(ModelVersion.MACRO_F1, evaluation.macroF1());
            return v.with(v.iteration(), v.createdAt(), v.status(), merged).withEvaluation(evaluation);
        });
        if (!evaluation.sameMeasurement(previous.get())) {
            EvaluationEntry entry = EvaluationEntry.of(loop, version, evaluation, previous.get());
            documents.put(evaluations, id(loop, version) + ":" + evaluation.evaluatedAt().toEpochMilli(), entry,
                    null, Visibility.IMMEDIATE);
        }
        return updated;
    }

    /** Every evaluation of the loop's versions, oldest first, each with the eval set it was measured on. */
    public List<EvaluationEntry> evaluations(String loop) {
        return documents.search(Search.in(evaluations).size(MAX_VERSIONS).where(Criteria.term("loop", loop))
                .sort(Sort.asc("evaluatedAt")), EvaluationEntry.class).sources();
    }

    /** Merges these metrics into a version (e.g. {@value ModelVersion#SCORE_SECONDS} once re-scoring is done). */
    public ModelVersion updateMetrics(String loop, String version, Map<String, Double> metrics) {
        return update(loop, version, v -> {
            Map<String, Double> merged = new HashMap<>(v.metrics());
            merged.putAll(metrics);
            return v.with(v.iteration(), v.createdAt(), v.status(), merged);
        });
    }

    /** Changes a version's status (e.g. FAILED). */
    public ModelVersion setStatus(String loop, String version, ModelStatus status) {
        return update(loop, version, v -> v.with(v.iteration(), v.createdAt(), status, v.metrics()));
    }

    /** All versions of the loop, oldest first. */
    public List<ModelVersion> history(String loop) {
        return documents.search(Search.in(models).size(MAX_VERSIONS).where(Criteria.term("loop", loop))
                .sort(Sort.asc("iteration")), ModelVersion.class).sources();
    }

    /** The loop's iterations as the dashboards plot them, oldest first. */
    public List<Iteration> iterations(String loop) {
        return history(loop).stream().map(Iteration::of).toList();
    }

    private int lastIteration(String loop) {
        List<ModelVersion> all = history(loop);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).iteration();
    }

    private ModelVersion update(String loop, String version, UnaryOperator<ModelVersion> change) {
        for (int attempt = 0; ; attempt++) {
            Stored<ModelVersion> got = get(loop, version).orElseThrow(() ->
                    new IllegalArgumentException("Loop '" + loop + "' has no model version '" + version + "'"));
            ModelVersion changed = change.apply(got.source());
            try {
                documents.put(models, got.id(), changed, got.version(), Visibility.IMMEDIATE);
                return changed;
            } catch (StoreConflictException e) {
                if (attempt > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** Points the loop at the version with a conditional write; returns the version it pointed at before. */
    private String swapPointer(String loop, String version) {
        for (int attempt = 0; ; attempt++) {
            Optional<Stored<LoopDoc>> got = currentPointer(loop);
            LoopDoc doc = new LoopDoc(loop, version, Instant.now());
            try {
                if (got.isEmpty()) {
                    documents.create(loops, loop, doc, Visibility.IMMEDIATE);
                    return null;
                }
                documents.put(loops, loop, doc, got.get().version(), Visibility.IMMEDIATE);
                return got.get().source().currentVersion();
            } catch (StoreConflictException e) {
                if (attempt > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    private Optional<Stored<ModelVersion>> get(String loop, String version) {
        return documents.get(models, id(loop, version), ModelVersion.class);
    }

    private Optional<Stored<LoopDoc>> currentPointer(String loop) {
        return documents.get(loops, loop, LoopDoc.class);
    }

    private static String id(String loop, String version) {
        return loop + ":" + version;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Model version field '" + field + "' is required");
        }
    }

    /** The loop's pointer document. */
    record LoopDoc(String loop, String currentVersion, Instant updatedAt) {
    }
}
