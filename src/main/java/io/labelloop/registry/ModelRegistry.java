package io.labelloop.registry;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.springframework.stereotype.Service;

import io.labelloop.store.OpenSearchErrors;
import io.labelloop.store.OpenSearchStore;

/**
 * Model versions per loop ({@code labelloop-models}), the current version per loop ({@code labelloop-loops}) and
 * the iteration history the dashboards plot.
 */
@Service
public class ModelRegistry {

    private static final int MAX_VERSIONS = 10_000;

    private final OpenSearchStore store;
    private final OpenSearchClient client;
    private final String models;
    private final String loops;

    public ModelRegistry(OpenSearchStore store) {
        this.store = store;
        this.client = store.client();
        this.models = store.index("models");
        this.loops = store.index("loops");
        store.ensureIndex(models);
        store.ensureIndex(loops);
        addFieldsOfLaterReleases();
    }

    /**
     * Indices created before evaluations and promotions were stored have a strict mapping without them; adding
     * fields to a mapping is allowed, so old registries keep working and gain them. Both are stored, not indexed.
     */
    private void addFieldsOfLaterReleases() {
        try {
            client.indices().putMapping(m -> m.index(models)
                    .properties("evaluation", p -> p.object(o -> o.enabled(false)))
                    .properties("promotion", p -> p.object(o -> o.enabled(false))));
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("adding the evaluation fields to index " + models, e);
        }
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
            client.create(c -> c.index(models).id(id(stored.loop(), stored.version())).document(stored)
                    .refresh(Refresh.True));
            return stored;
        } catch (IOException | RuntimeException e) {
            if (OpenSearchErrors.isConflict(e)) {
                throw new IllegalArgumentException("Loop '" + version.loop() + "' already has a model version '"
                        + version.version() + "'", e);
            }
            throw store.unavailable("registering model " + version.version(), e);
        }
    }

    /** One version of a loop. */
    public Optional<ModelVersion> find(String loop, String version) {
        return get(loop, version).map(GetResponse::source);
    }

    /** The version the loop scores with, if one was promoted. */
    public Optional<ModelVersion> current(String loop) {
        return currentPointer(loop).map(GetResponse::source).map(LoopDoc::currentVersion)
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

    /** Stores a version's full evaluation, and its accuracy and macro-F1 among its metrics. */
    public ModelVersion updateEvaluation(String loop, String version, ModelEvaluation evaluation) {
        return update(loop, version, v -> {
            Map<String, Double> merged = new HashMap<>(v.metrics());
            merged.put(ModelVersion.ACCURACY, evaluation.accuracy());
            merged.put(ModelVersion.MACRO_F1, evaluation.macroF1());
            return v.with(v.iteration(), v.createdAt(), v.status(), merged).withEvaluation(evaluation);
        });
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
        try {
            return client.search(s -> s.index(models).size(MAX_VERSIONS)
                            .query(q -> q.term(t -> t.field("loop").value(v -> v.stringValue(loop))))
                            .sort(o -> o.field(f -> f.field("iteration").order(SortOrder.Asc))),
                    ModelVersion.class).hits().hits().stream().map(Hit::source).toList();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("reading the history of loop " + loop, e);
        }
    }

    /** The loop's iterations as the dashboards plot them, oldest first. */
    public List<Iteration> iterations(String loop) {
        return history(loop).stream().map(Iteration::of).toList();
    }

    private int lastIteration(String loop) {
        List<ModelVersion> all = history(loop);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).iteration();
    }

    private ModelVersion update(String loop, String version, java.util.function.UnaryOperator<ModelVersion> change) {
        for (int attempt = 0; ; attempt++) {
            GetResponse<ModelVersion> got = get(loop, version).orElseThrow(() ->
                    new IllegalArgumentException("Loop '" + loop + "' has no model version '" + version + "'"));
            ModelVersion changed = change.apply(got.source());
            try {
                client.index(i -> i.index(models).id(got.id()).document(changed).ifSeqNo(got.seqNo())
                        .ifPrimaryTerm(got.primaryTerm()).refresh(Refresh.True));
                return changed;
            } catch (IOException | RuntimeException e) {
                if (!OpenSearchErrors.isConflict(e) || attempt > 10) {
                    throw store.unavailable("updating model version " + version, e);
                }
            }
        }
    }

    /** Points the loop at the version with a conditional write; returns the version it pointed at before. */
    private String swapPointer(String loop, String version) {
        for (int attempt = 0; ; attempt++) {
            Optional<GetResponse<LoopDoc>> got = currentPointer(loop);
            LoopDoc doc = new LoopDoc(loop, version, Instant.now());
            try {
                if (got.isEmpty()) {
                    client.create(c -> c.index(loops).id(loop).document(doc).refresh(Refresh.True));
                    return null;
                }
                client.index(i -> i.index(loops).id(loop).document(doc).ifSeqNo(got.get().seqNo())
                        .ifPrimaryTerm(got.get().primaryTerm()).refresh(Refresh.True));
                return got.get().source().currentVersion();
            } catch (IOException | RuntimeException e) {
                if (!OpenSearchErrors.isConflict(e) || attempt > 10) {
                    throw store.unavailable("promoting model version " + version, e);
                }
            }
        }
    }

    private Optional<GetResponse<ModelVersion>> get(String loop, String version) {
        try {
            GetResponse<ModelVersion> got = client.get(g -> g.index(models).id(id(loop, version)), ModelVersion.class);
            return got.found() ? Optional.of(got) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("reading model version " + version, e);
        }
    }

    private Optional<GetResponse<LoopDoc>> currentPointer(String loop) {
        try {
            GetResponse<LoopDoc> got = client.get(g -> g.index(loops).id(loop), LoopDoc.class);
            return got.found() ? Optional.of(got) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("reading loop " + loop, e);
        }
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
