package io.labelloop.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import io.labelloop.store.OpenSearchStore;

/**
 * Datasets and their records: create, import, search, aggregate, stream, store predictions, label in bulk, export.
 * One OpenSearch index per dataset ({@code labelloop-records-<name>}) with the mapping of
 * {@code config/opensearch/records.json}.
 *
 * <p>Writes of single records are durable when the call returns (translog fsync per request). Writes become
 * searchable within a second; a search page, stats or an export that follows a write made through this service sees
 * it (the dataset is refreshed once before such a read); call {@link #refresh} for other reads.
 */
@Service
public class DatasetService {

    private final DatasetCatalog catalog;
    private final RecordSearch search;
    private final RecordWriter writer;
    private final RecordImporter importer;
    private final KnownDatasets known;
    private final CreatingImport creating;
    private final WrittenSinceRefresh written = new WrittenSinceRefresh();

    public DatasetService(OpenSearchStore store, DatasetProperties properties) {
        this.catalog = new DatasetCatalog(store);
        this.search = new RecordSearch(store, catalog);
        this.writer = new RecordWriter(store, catalog, search, properties);
        this.importer = new RecordImporter(catalog, writer, RecordRules.of(properties));
        this.known = new KnownDatasets(properties, importer);
        this.creating = new CreatingImport(catalog, search);
    }

    /** Creates a dataset with this label set and the default held-out fraction; fails if it exists. */
    public Dataset create(String name, List<String> labels) {
        return catalog.create(name, labels, Dataset.DEFAULT_EVAL_FRACTION);
    }

    /** Creates a dataset holding out {@code evalFraction} of the records (by id hash) for evaluation. */
    public Dataset create(String name, List<String> labels, double evalFraction) {
        return catalog.create(name, labels, evalFraction);
    }

    /** All datasets, by name. */
    public List<Dataset> list() {
        return catalog.list();
    }

    /** The dataset of this name, if any. */
    public Optional<Dataset> find(String name) {
        return catalog.find(name);
    }

    /** The dataset of this name; {@link DatasetNotFoundException} if none. */
    public Dataset require(String name) {
        return catalog.require(name);
    }

    /** Deletes the dataset, its records and its queue; false if it did not exist. */
    public boolean delete(String name) {
        return catalog.delete(name);
    }

    /**
     * Imports a CSV or JSONL file. The whole file is checked before anything is written: a file that cannot be read
     * (unbalanced quote, missing text column, empty, not UTF-8) throws {@link ImportException} naming the file and
     * line, and nothing is stored. Bad rows (too long, invalid JSON, duplicate id, unknown label, empty text) are
     * skipped and listed in the report. Records whose id exists are left as they are, so a re-import is idempotent.
     */
    public ImportReport importFile(String dataset, Path file, ImportOptions options) {
        return wrote(dataset, importer.importFile(catalog.require(dataset), file, options));
    }

    /**
     * Imports like {@link #importFile(String, Path, ImportOptions)}, first creating the dataset as {@code ifMissing}
     * says when none of that name exists. When the import then fails, its {@link ImportException} (naming the file,
     * line or field) is thrown as before, and a dataset it created is deleted again if it holds no record, so that
     * a missing or unreadable file leaves no empty dataset behind. If records were stored before the failure (the
     * store went away mid-write), the dataset keeps them like an existing one would, and importing the same file
     * again adds the rest. A dataset that existed before the import is never deleted.
     */
    public ImportReport importFile(String dataset, Path file, ImportOptions options, NewDataset ifMissing) {
        return wrote(dataset, creating.run(dataset, ifMissing, d -> importer.importFile(d, file, options)));
    }

    /**
     * Downloads a known public dataset by name (e.g. {@code banking77}) over HTTP and imports it unlabeled, with its
     * own label column kept as metadata. Throws {@link ImportException} naming the URL when it cannot be downloaded.
     */
    public ImportReport importKnown(String dataset, String knownName) {
        return known.importKnown(catalog.require(dataset), knownName);
    }

    /**
     * Like {@link #importKnown(String, String)}, creating the dataset as {@code ifMissing} says when it does not
     * exist, and removing it again as {@link #importFile(String, Path, ImportOptions, NewDataset)} does when the
     * download or import fails before storing a record.
     */
    public ImportReport importKnown(String dataset, String knownName, NewDataset ifMissing) {
        return creating.run(dataset, ifMissing, d -> known.importKnown(d, knownName));
    }

    /** Names accepted by {@link #importKnown}. */
    public List<String> knownDatasets() {
        return known.names();
    }

    /**
     * Writes records like Rubrix's {@code rb.log}: creates new ones and replaces existing ones with the same id.
     * A record with an annotation is stored as VALIDATED; its label must be in the label set.
     *
     * @return records written
     */
    public long log(String dataset, List<TextRecord> records) {
        return wrote(dataset, writer.log(catalog.require(dataset), records));
    }

    /** One record by id with its version, for a later conditional {@link #annotate(String, VersionedRecord, String, String)}. */
    public Optional<VersionedRecord> recordWithVersion(String dataset, String id) {
        return search.getWithVersion(catalog.require(dataset), id);
    }

    /**
     * Labels a record read with {@link #recordWithVersion}: one conditional write when nothing changed since; when
     * only other fields changed (e.g. new predictions) it is retried; when the label or status changed it throws
     * {@link StaleWriteException}. Durable when it returns.
     */
    public TextRecord annotate(String dataset, VersionedRecord seen, String label, String annotator) {
        return wrote(dataset, writer.annotate(catalog.require(dataset), seen, label, annotator));
    }

    /** Discards a record read with {@link #recordWithVersion}, under the same rules as the conditional annotate. */
    public TextRecord discard(String dataset, VersionedRecord seen, String annotator) {
        return wrote(dataset, writer.discard(catalog.require(dataset), seen, annotator));
    }

    /** One record by id. */
    public Optional<TextRecord> record(String dataset, String id) {
        return search.get(catalog.require(dataset), id);
    }

    /**
     * One page of records matching the query, in the query's order.
     *
     * @param searchAfter the {@link RecordPage#next()} cursor of the previous page, or null for the first page
     */
    public RecordPage search(String dataset, RecordQuery query, int size, String searchAfter) {
        refreshIfWritten(dataset);
        return search.page(catalog.require(dataset), query, size, searchAfter);
    }

    /** Number of records matching the query. */
    public long count(String dataset, RecordQuery query) {
        return search.count(catalog.require(dataset), query);
    }

    /** Label, predicted label, status and score distributions of the records matching the query. */
    public DatasetStats stats(String dataset, RecordQuery query) {
        refreshIfWritten(dataset);
        return search.stats(catalog.require(dataset), query);
    }

    /**
     * All records matching the query, fetched lazily in pages (constant memory, e.g. for scoring 100k records or
     * training). Records written while streaming may or may not appear.
     */
    public Stream<TextRecord> stream(String dataset, RecordQuery query) {
        return search.stream(catalog.require(dataset), query);
    }

    /**
     * Stores a model's predictions (highest score first after sorting) with the model version, in bulk.
     *
     * @return records updated (ids that do not exist are ignored)
     */
    public long storePredictions(String dataset, Map<String, List<PredictedLabel>> predictions, String modelVersion) {
        return writer.storePredictions(catalog.require(dataset), predictions, modelVersion);
    }

    /**
     * Labels one record if it is still at {@code expectedRevision}, else throws {@link StaleWriteException}: this is
     * how a label given on a record someone else changed meanwhile is refused. Durable when it returns.
     */
    public TextRecord annotate(String dataset, String id, long expectedRevision, String label, String annotator) {
        return wrote(dataset, writer.annotate(catalog.require(dataset), id, expectedRevision, label, annotator));
    }

    /** Discards one record if it is still at {@code expectedRevision}, else throws {@link StaleWriteException}. */
    public TextRecord discard(String dataset, String id, long expectedRevision, String annotator) {
        return wrote(dataset, writer.discard(catalog.require(dataset), id, expectedRevision, annotator));
    }

    /**
     * Takes back this annotator's most recent label or discard in the dataset (repeat to go further back), if nobody
     * changed that record since; returns the record as restored.
     */
    public Optional<TextRecord> undoLast(String dataset, String annotator) {
        return wrote(dataset, writer.undoLast(catalog.require(dataset), annotator));
    }

    /** Records labeled (VALIDATED) at or after this instant; sees writes within a second (near real time). */
    public long labelsSince(String dataset, Instant since) {
        return search.labeledSince(catalog.require(dataset), since);
    }

    /** Labels these records (bulk action), whatever they held; the outcome counts and names ids that do not exist. */
    public BulkOutcome annotateAll(String dataset, Collection<String> ids, String label, String annotator) {
        return wrote(dataset, writer.bulkAnnotate(catalog.require(dataset), ids, Map.of(), label, annotator));
    }

    /** Labels these records (bulk action), whatever they held; returns the number changed. */
    public long annotate(String dataset, Collection<String> ids, String label, String annotator) {
        return annotateAll(dataset, ids, label, annotator).applied();
    }

    /**
     * Labels these records if each still has the revision the caller read (id to revision); a record changed since
     * (e.g. labeled by someone else) is skipped and keeps its state.
     */
    public BulkOutcome annotate(String dataset, Map<String, Long> seenRevisions, String label, String annotator) {
        return wrote(dataset, writer.bulkAnnotate(catalog.require(dataset), seenRevisions.keySet(), seenRevisions, label,
                annotator));
    }

    /** Labels every record matching the query now; one changed between the search and the write is skipped. */
    public long annotate(String dataset, RecordQuery query, String label, String annotator) {
        return annotate(dataset, revisions(dataset, query), label, annotator).applied();
    }

    /** Accepts the top prediction of each record as its label (records without predictions are skipped). */
    public long validate(String dataset, Collection<String> ids, String annotator) {
        return wrote(dataset, writer.bulkValidate(catalog.require(dataset), ids, Map.of(), annotator)).applied();
    }

    /** Like {@link #validate(String, Collection, String)}, only for records still at the revision the caller read. */
    public BulkOutcome validate(String dataset, Map<String, Long> seenRevisions, String annotator) {
        return wrote(dataset, writer.bulkValidate(catalog.require(dataset), seenRevisions.keySet(), seenRevisions,
                annotator));
    }

    /** Accepts the top prediction of every record matching the query as its label. */
    public long validate(String dataset, RecordQuery query, String annotator) {
        return validate(dataset, revisions(dataset, query), annotator).applied();
    }

    /** Marks these records DISCARDED (they leave training, evaluation and export). */
    public long discard(String dataset, Collection<String> ids, String annotator) {
        return wrote(dataset, writer.bulkDiscard(catalog.require(dataset), ids, Map.of(), annotator)).applied();
    }

    /** Like {@link #discard(String, Collection, String)}, only for records still at the revision the caller read. */
    public BulkOutcome discard(String dataset, Map<String, Long> seenRevisions, String annotator) {
        return wrote(dataset, writer.bulkDiscard(catalog.require(dataset), seenRevisions.keySet(), seenRevisions,
                annotator));
    }

    /** Marks every record matching the query DISCARDED. */
    public long discard(String dataset, RecordQuery query, String annotator) {
        return discard(dataset, revisions(dataset, query), annotator).applied();
    }

    /**
     * Writes the VALIDATED records matching the query (like {@code rb.load} filtered on Validated).
     *
     * @return records written
     */
    public long export(String dataset, RecordQuery query, ExportFormat format, OutputStream out) {
        refreshIfWritten(dataset);
        RecordQuery validated = query.withStatuses(RecordStatus.VALIDATED);
        // CSV has one column per metadata key, so the header needs every key first: one more pass over the records
        List<String> keys = format == ExportFormat.CSV ? metadataKeys(dataset, validated) : List.of();
        return new RecordExporter(format, keys).write(stream(dataset, validated), out);
    }

    private List<String> metadataKeys(String dataset, RecordQuery query) {
        try (Stream<TextRecord> records = stream(dataset, query)) {
            SortedSet<String> keys = new TreeSet<>();
            records.forEach(r -> {
                if (r.metadata() != null) {
                    keys.addAll(r.metadata().keySet());
                }
            });
            return List.copyOf(keys);
        }
    }

    /** Same as {@link #export(String, RecordQuery, ExportFormat, OutputStream)}, into a file. */
    public long export(String dataset, RecordQuery query, ExportFormat format, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            return export(dataset, query, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes every write to the dataset searchable now (after bulk imports, before exact counts). */
    public void refresh(String dataset) {
        search.refresh(catalog.require(dataset));
    }

    private <T> T wrote(String dataset, T result) {
        written.wrote(dataset);
        return result;
    }

    /** Read your own writes: a read after a write through this service sees it (one refresh, see WrittenSinceRefresh). */
    private void refreshIfWritten(String dataset) {
        if (written.takeWritten(dataset)) {
            refresh(dataset);
        }
    }

    private Map<String, Long> revisions(String dataset, RecordQuery query) {
        try (Stream<TextRecord> records = stream(dataset, query)) {
            return records.collect(Collectors.toMap(TextRecord::id, TextRecord::revision, (a, b) -> a,
                    LinkedHashMap::new));
        }
    }
}
