package io.labelloop.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import io.labelloop.store.BulkOp;
import io.labelloop.store.BulkWriter;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.Stored;
import io.labelloop.store.StoreConflictException;
import io.labelloop.store.UpdateScript;
import io.labelloop.store.Version;

/** Writes records: bulk creates and replaces, predictions, single conditional labels and bulk label actions. */
final class RecordWriter {

    private static final int MAX_CONFLICT_RETRIES = 20;
    /** Keeps the previous annotation and status so the annotator can undo; bumps the revision so stale claims fail. */
    private static final String BULK_CHANGE = """
            if (params.expected != null) {
              long revision = ctx._source.revision == null ? 0 : ((Number) ctx._source.revision).longValue();
              if (revision != ((Number) params.expected).longValue()) { ctx.op = 'noop'; return; }
            }
            String label = params.label;
            if (params.fromPrediction) {
              if (ctx._source.predictedLabel == null) { ctx.op = 'noop'; return; }
              label = ctx._source.predictedLabel;
            }
            long revision = ctx._source.revision == null ? 1 : ctx._source.revision + 1;
            ctx._source.undo = ['annotator': params.annotator, 'at': params.now, 'revision': revision,
              'previous': ['annotation': ctx._source.annotation, 'status': ctx._source.status]];
            if (label != null) {
              ctx._source.annotation = ['label': label, 'annotator': params.annotator, 'at': params.now];
            }
            ctx._source.status = params.status;
            ctx._source.revision = revision;
            ctx._source.updatedAt = params.now;
            """;

    /**
     * Re-logging an existing record refreshes what the client sends (text, metadata, and predictions when it sends
     * some) and keeps the human side (annotation, status, createdAt, split); the revision goes up so a label based on
     * the old text is refused. A logged annotation only fills a record nobody labeled yet.
     */
    private static final String LOG_MERGE = """
            ctx._source.text = params.text;
            ctx._source.metadata = params.metadata;
            if (params.predictions != null && !params.predictions.isEmpty()) {
              ctx._source.predictions = params.predictions;
              ctx._source.predictionAgent = params.predictionAgent;
              ctx._source.maxScore = params.maxScore;
              ctx._source.predictedLabel = params.predictedLabel;
            }
            if (params.annotation != null && ctx._source.annotation == null && ctx._source.status == 'DEFAULT') {
              ctx._source.annotation = params.annotation;
              ctx._source.status = 'VALIDATED';
            }
            ctx._source.revision = ctx._source.revision == null ? 1 : ctx._source.revision + 1;
            ctx._source.updatedAt = params.now;
            """;

    private final OpenSearchStore store;
    private final DatasetCatalog catalog;
    private final RecordSearch search;
    private final DatasetProperties properties;
    private final RecordRules rules;

    RecordWriter(OpenSearchStore store, DatasetCatalog catalog, RecordSearch search, DatasetProperties properties) {
        this.store = store;
        this.catalog = catalog;
        this.search = search;
        this.properties = properties;
        this.rules = RecordRules.of(properties);
    }

    BulkWriter bulk() {
        return store.documents().bulkWriter(properties.bulkSize(), properties.bulkConcurrency());
    }

    /** A record as stored: split from the id, status from the annotation, timestamps filled. */
    static TextRecord normalized(Dataset dataset, TextRecord r, String batch, Instant now) {
        if (r.annotation() != null) {
            checkLabel(dataset, r.annotation().label());
        }
        Annotation annotation = r.annotation() == null || r.annotation().at() != null ? r.annotation()
                : new Annotation(r.annotation().label(), r.annotation().annotator(), now);
        RecordStatus status = r.status() == RecordStatus.DISCARDED ? RecordStatus.DISCARDED
                : annotation != null ? RecordStatus.VALIDATED : RecordStatus.DEFAULT;
        return new TextRecord(r.id(), r.text(), r.metadata(), r.predictions(), r.predictionAgent(), r.maxScore(),
                r.predictedLabel(), annotation, status, Splits.of(r.id(), dataset.evalFraction()),
                r.importBatch() == null ? batch : r.importBatch(), r.revision(),
                r.createdAt() == null ? now : r.createdAt(), now);
    }

    static void checkLabel(Dataset dataset, String label) {
        if (label == null || !dataset.labels().contains(label)) {
            throw new UnknownLabelException(dataset.name(), label, dataset.labels());
        }
    }

    long log(Dataset dataset, List<TextRecord> records) {
        String index = catalog.recordsIndex(dataset);
        Instant now = Instant.now();
        String batch = "log-" + now;
        List<InvalidRecordsException.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            InvalidRecordsException.Rejected problem = logProblem(dataset, i, records.get(i));
            if (problem != null) {
                rejected.add(problem);
            }
        }
        if (!rejected.isEmpty()) {
            throw new InvalidRecordsException(dataset.name(), records.size(), rejected);
        }
        List<TextRecord> normalized = records.stream().map(r -> normalized(dataset, r, batch, now)).toList();
        try (BulkWriter writer = bulk()) {
            for (TextRecord r : normalized) {
                // new ids are created from the upsert document, existing ones merged by the script
                writer.add(BulkOp.script(index, r.id(), logMerge(r, now), r, MAX_CONFLICT_RETRIES));
            }
            return writer.finish().succeeded();
        }
    }

    /**
     * Why a logged record is refused, or null. Every record is checked before anything is written, so a bad record
     * leaves the dataset as it was.
     */
    private InvalidRecordsException.Rejected logProblem(Dataset dataset, int index, TextRecord r) {
        String idProblem = rules.idProblem("id", r.id());
        if (idProblem != null) {
            return new InvalidRecordsException.Rejected(index, "id", idProblem);
        }
        String textProblem = r.text() == null ? "field 'text' is missing" : rules.textProblem("text", r.text());
        if (textProblem != null) {
            return new InvalidRecordsException.Rejected(index, "text", textProblem);
        }
        for (PredictedLabel p : r.predictions()) {
            if (!dataset.labels().contains(p.label())) {
                return new InvalidRecordsException.Rejected(index, "predictions", "prediction label '" + p.label()
                        + "' is not in the label set " + dataset.labels());
            }
            if (!(p.score() >= 0 && p.score() <= 1)) {
                return new InvalidRecordsException.Rejected(index, "predictions", "prediction score " + p.score()
                        + " of '" + p.label() + "' is not a probability between 0 and 1");
            }
        }
        if (r.annotation() != null && !dataset.labels().contains(r.annotation().label())) {
            return new InvalidRecordsException.Rejected(index, "label", "label '" + r.annotation().label()
                    + "' is not in the label set " + dataset.labels());
        }
        return null;
    }

    private static UpdateScript logMerge(TextRecord r, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("text", r.text());
        params.put("metadata", r.metadata());
        params.put("predictions", r.predictions());
        params.put("now", now.toString());
        putIfPresent(params, "predictionAgent", r.predictionAgent());
        putIfPresent(params, "maxScore", r.maxScore());
        putIfPresent(params, "predictedLabel", r.predictedLabel());
        putIfPresent(params, "annotation", r.annotation());
        return new UpdateScript(LOG_MERGE, params);
    }

    private static void putIfPresent(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    long storePredictions(Dataset dataset, Map<String, List<PredictedLabel>> predictions, String modelVersion) {
        String index = catalog.recordsIndex(dataset);
        String now = Instant.now().toString();
        try (BulkWriter writer = bulk()) {
            for (Map.Entry<String, List<PredictedLabel>> e : predictions.entrySet()) {
                Map<String, Object> partial = predictionFields(e.getValue(), modelVersion, now);
                writer.add(BulkOp.merge(index, e.getKey(), partial, MAX_CONFLICT_RETRIES));
            }
            return writer.finish().succeeded();
        }
    }

    private static Map<String, Object> predictionFields(List<PredictedLabel> predictions, String modelVersion, String now) {
        List<PredictedLabel> sorted = predictions.stream()
                .sorted(Comparator.comparingDouble(PredictedLabel::score).reversed()).toList();
        Map<String, Object> partial = new HashMap<>();
        partial.put("predictions", sorted);
        partial.put("predictionAgent", modelVersion);
        partial.put("maxScore", sorted.isEmpty() ? null : sorted.get(0).score());
        partial.put("predictedLabel", sorted.isEmpty() ? null : sorted.get(0).label());
        partial.put("updatedAt", now);
        return partial;
    }

    TextRecord annotate(Dataset dataset, String id, long expectedRevision, String label, String annotator) {
        checkLabel(dataset, label);
        return change(dataset, id, expectedRevision, null, annotator,
                r -> new Annotation(label, annotator, Instant.now()), RecordStatus.VALIDATED);
    }

    TextRecord annotate(Dataset dataset, VersionedRecord seen, String label, String annotator) {
        checkLabel(dataset, label);
        return change(dataset, seen.record().id(), seen.record().revision(), seen, annotator,
                r -> new Annotation(label, annotator, Instant.now()), RecordStatus.VALIDATED);
    }

    TextRecord discard(Dataset dataset, String id, long expectedRevision, String annotator) {
        return change(dataset, id, expectedRevision, null, annotator, TextRecord::annotation, RecordStatus.DISCARDED);
    }

    TextRecord discard(Dataset dataset, VersionedRecord seen, String annotator) {
        return change(dataset, seen.record().id(), seen.record().revision(), seen, annotator, TextRecord::annotation,
                RecordStatus.DISCARDED);
    }

    /**
     * Conditionally applies a change: refused when the record's revision is not the one the caller saw; retried
     * when only something else (e.g. predictions) changed in between.
     */
    private TextRecord change(Dataset dataset, String id, long expectedRevision, VersionedRecord seen, String annotator,
                              Function<TextRecord, Annotation> annotation, RecordStatus status) {
        for (int attempt = 0; ; attempt++) {
            // First try on the version the caller read (no extra read); after a conflict, read the latest.
            VersionedRecord got = attempt == 0 && seen != null ? seen : require(dataset, id);
            TextRecord current = got.record();
            if (current.revision() != expectedRevision) {
                throw new StaleWriteException(dataset.name(), id, describeChange(current, expectedRevision));
            }
            Instant now = Instant.now();
            TextRecord changed = with(current, annotation.apply(current), status, current.revision() + 1, now);
            Map<String, Object> partial = changeFields(changed, undoFields(current, annotator, changed.revision(), now));
            if (tryUpdate(dataset, got, partial, attempt)) {
                return changed;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Optional<TextRecord> undoLast(Dataset dataset, String annotator) {
        Optional<Stored<Map>> hit = search.lastChangeBy(dataset, annotator);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> source = hit.get().source();
        Map<String, Object> undo = (Map<String, Object>) source.get("undo");
        long revision = ((Number) source.get("revision")).longValue();
        if (((Number) undo.get("revision")).longValue() != revision) {
            return Optional.empty();
        }
        Map<String, Object> previous = (Map<String, Object>) undo.get("previous");
        Annotation annotation = store.mapper().convertValue(previous.get("annotation"), Annotation.class);
        RecordStatus status = RecordStatus.valueOf((String) previous.get("status"));
        try {
            return Optional.of(revert(dataset, hit.get().id(), revision, annotation, status));
        } catch (StaleWriteException e) {
            return Optional.empty();
        }
    }

    /** Restores the state before the annotator's last change, if nobody changed the record since. */
    TextRecord revert(Dataset dataset, String id, long expectedRevision, Annotation previous, RecordStatus previousStatus) {
        for (int attempt = 0; ; attempt++) {
            VersionedRecord got = require(dataset, id);
            TextRecord current = got.record();
            if (current.revision() != expectedRevision) {
                throw new StaleWriteException(dataset.name(), id, describeChange(current, expectedRevision));
            }
            TextRecord changed = with(current, previous, previousStatus, current.revision() + 1, Instant.now());
            Map<String, Object> partial = changeFields(changed, null);
            if (tryUpdate(dataset, got, partial, attempt)) {
                return changed;
            }
        }
    }

    private VersionedRecord require(Dataset dataset, String id) {
        return search.getWithVersion(dataset, id).orElseThrow(() -> new RecordNotFoundException(dataset.name(), id));
    }

    private boolean tryUpdate(Dataset dataset, VersionedRecord got, Map<String, Object> partial, int attempt) {
        String id = got.record().id();
        try {
            store.documents().merge(catalog.recordsIndex(dataset), id, partial,
                    new Version(got.seqNo(), got.primaryTerm()));
            return true;
        } catch (StoreConflictException e) {
            if (attempt < MAX_CONFLICT_RETRIES) {
                return false;
            }
            throw e;
        }
    }

    private static String describeChange(TextRecord current, long expectedRevision) {
        Annotation a = current.annotation();
        String now = a == null ? "now " + current.status() : "now labeled '" + a.label() + "' by " + a.annotator() + " at " + a.at();
        return "changed since you loaded it (" + now + ", revision " + current.revision() + " instead of "
                + expectedRevision + ")";
    }

    private static TextRecord with(TextRecord r, Annotation annotation, RecordStatus status, long revision, Instant now) {
        return new TextRecord(r.id(), r.text(), r.metadata(), r.predictions(), r.predictionAgent(), r.maxScore(),
                r.predictedLabel(), annotation, status, r.split(), r.importBatch(), revision, r.createdAt(), now);
    }

    private static Map<String, Object> changeFields(TextRecord changed, Map<String, Object> undo) {
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("annotation", changed.annotation());
        partial.put("status", changed.status());
        partial.put("revision", changed.revision());
        partial.put("updatedAt", changed.updatedAt());
        partial.put("undo", undo);
        return partial;
    }

    private static Map<String, Object> undoFields(TextRecord before, String annotator, long revision, Instant now) {
        Map<String, Object> previous = new HashMap<>();
        previous.put("annotation", before.annotation());
        previous.put("status", before.status());
        Map<String, Object> undo = new HashMap<>();
        undo.put("annotator", annotator);
        undo.put("at", now);
        undo.put("revision", revision);
        undo.put("previous", previous);
        return undo;
    }

    BulkOutcome bulkAnnotate(Dataset dataset, Collection<String> ids, Map<String, Long> expected, String label,
                             String annotator) {
        checkLabel(dataset, label);
        return bulkChange(dataset, ids, expected, annotator, label, false, RecordStatus.VALIDATED);
    }

    BulkOutcome bulkValidate(Dataset dataset, Collection<String> ids, Map<String, Long> expected, String annotator) {
        return bulkChange(dataset, ids, expected, annotator, null, true, RecordStatus.VALIDATED);
    }

    BulkOutcome bulkDiscard(Dataset dataset, Collection<String> ids, Map<String, Long> expected, String annotator) {
        return bulkChange(dataset, ids, expected, annotator, null, false, RecordStatus.DISCARDED);
    }

    /**
     * Applies the change to each id; where {@code expected} names a revision for the id, only if the record still
     * has it (a label given since the ids were collected is kept, the record counted as skipped).
     */
    private BulkOutcome bulkChange(Dataset dataset, Collection<String> ids, Map<String, Long> expected,
                                   String annotator, String label, boolean fromPrediction, RecordStatus status) {
        String index = catalog.recordsIndex(dataset);
        String now = Instant.now().toString();
        Map<String, Object> params = new HashMap<>();
        params.put("annotator", annotator);
        params.put("now", now);
        params.put("status", status.name());
        params.put("fromPrediction", fromPrediction);
        if (label != null) {
            params.put("label", label);
        }
        UpdateScript unconditional = new UpdateScript(BULK_CHANGE, params);
        try (BulkWriter writer = bulk()) {
            Queue<String> missing = new ConcurrentLinkedQueue<>();
            writer.onItem(item -> {
                if (item.missing() && missing.size() < BulkOutcome.LISTED_MISSING) {
                    missing.add(item.id());
                }
            });
            for (String id : ids) {
                Long revision = expected.get(id);
                UpdateScript script = revision == null ? unconditional
                        : new UpdateScript(BULK_CHANGE, withExpected(params, revision));
                writer.add(BulkOp.script(index, id, script, null, MAX_CONFLICT_RETRIES));
            }
            BulkWriter.Result result = writer.finish();
            return new BulkOutcome(result.changed(), ids.size() - result.changed(), result.missing(),
                    missing.stream().sorted().toList());
        }
    }

    private static Map<String, Object> withExpected(Map<String, Object> params, long revision) {
        Map<String, Object> copy = new HashMap<>(params);
        copy.put("expected", revision);
        return copy;
    }
}
