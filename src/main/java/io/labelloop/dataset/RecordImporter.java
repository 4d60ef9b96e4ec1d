package io.labelloop.dataset;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.labelloop.store.BulkOp;
import io.labelloop.store.BulkWriter;

/**
 * Imports CSV and JSONL files in two passes: the first reads the whole file and fails before any write if it is
 * unreadable; the second writes the good rows with bulk creates (an existing id is left untouched).
 */
final class RecordImporter {

    /** Annotator recorded on labels that came with an imported file. */
    static final String IMPORT_ANNOTATOR = "import";

    private final DatasetCatalog catalog;
    private final RecordWriter writer;
    private final RecordRules rules;

    RecordImporter(DatasetCatalog catalog, RecordWriter writer, RecordRules rules) {
        this.catalog = catalog;
        this.writer = writer;
        this.rules = rules;
    }

    ImportReport importFile(Dataset dataset, Path file, ImportOptions options) {
        return importFile(dataset, file, file.toString(), options);
    }

    /** Imports {@code path}, naming it {@code displayName} in errors (e.g. the URL it was downloaded from). */
    ImportReport importFile(Dataset dataset, Path path, String displayName, ImportOptions options) {
        long start = System.nanoTime();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ImportException(displayName, 0, "no such readable file");
        }
        Instant now = Instant.now();
        String batch = "import-" + now;
        Scan checked = scan(dataset, path, displayName, options, batch, now, r -> { });
        refuseIfUnusable(checked, displayName, options);
        Result written = write(dataset, path, displayName, options, batch, now);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ImportReport(dataset.name(), batch, checked.rows, written.created, written.labeled, written.unchanged,
                checked.rejected, checked.rejectedCount, seconds);
    }

    private static void refuseIfUnusable(Scan checked, String file, ImportOptions options) {
        if (checked.rows == 0) {
            throw new ImportException(file, 0, "no data rows");
        }
        if (options.strict() && checked.rejectedCount > 0) {
            RejectedRow first = checked.rejected.get(0);
            throw new ImportException(file, first.line(), checked.rejectedCount + " bad rows, nothing imported (strict); first: "
                    + first.reason(), checked.rejected, checked.rejectedCount);
        }
        if (checked.rejectedCount == checked.rows) {
            RejectedRow first = checked.rejected.get(0);
            throw new ImportException(file, first.line(), "every row is bad (" + checked.rejectedCount
                    + "), nothing imported; first: " + first.reason(), checked.rejected, checked.rejectedCount);
        }
    }

    private Result write(Dataset dataset, Path path, String file, ImportOptions options, String batch, Instant now) {
        String index = catalog.recordsIndex(dataset);
        Set<String> labeledIds = ConcurrentHashMap.newKeySet();
        AtomicLong labeled = new AtomicLong();
        try (BulkWriter bulk = writer.bulk()) {
            bulk.onItem(item -> {
                if (item.created() && labeledIds.contains(item.id())) {
                    labeled.incrementAndGet();
                }
            });
            scan(dataset, path, file, options, batch, now, record -> {
                if (record.annotation() != null) {
                    labeledIds.add(record.id());
                }
                bulk.add(BulkOp.create(index, record.id(), record));
            });
            BulkWriter.Result result = bulk.finish();
            return new Result(result.succeeded(), labeled.get(), result.conflicts());
        }
    }

    private Scan scan(Dataset dataset, Path path, String file, ImportOptions options, String batch, Instant now,
                      Consumer<TextRecord> sink) {
        Scan scan = new Scan();
        Map<String, Long> firstLineOfId = new HashMap<>();
        try (RowSource rows = RowSource.open(path, file, options)) {
            for (RowSource.Row row = rows.next(); row != null; row = rows.next()) {
                scan.rows++;
                String problem = row.problem();
                TextRecord record = null;
                if (problem == null) {
                    record = toRecord(dataset, row.values(), options, batch, now);
                    problem = check(dataset, record, row.values(), options, firstLineOfId, row.line());
                }
                if (problem != null) {
                    scan.reject(new RejectedRow(file, row.line(), problem));
                } else {
                    sink.accept(record);
                }
            }
            return scan;
        } catch (CharacterCodingException e) {
            throw new ImportException(file, 0, "not valid UTF-8 text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ImportException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static TextRecord toRecord(Dataset dataset, Map<String, String> values, ImportOptions options, String batch,
                                       Instant now) {
        String text = values.get(options.textColumn());
        String id = options.idColumn() == null ? (text == null ? null : Splits.idOfText(text))
                : trimmed(values.get(options.idColumn()));
        String label = options.labelColumn() == null ? null : trimmed(values.get(options.labelColumn()));
        Map<String, String> metadata = metadata(values, options);
        TextRecord record = TextRecord.of(id, text, metadata);
        if (label != null) {
            record = record.withAnnotation(new Annotation(label, IMPORT_ANNOTATOR, now));
        }
        return new TextRecord(record.id(), record.text(), record.metadata(), List.of(), null, null, null,
                record.annotation(), record.status(), text == null || id == null ? null
                : Splits.of(id, dataset.evalFraction()), batch, 0, now, now);
    }

    private static Map<String, String> metadata(Map<String, String> values, ImportOptions options) {
        Map<String, String> metadata = new HashMap<>();
        if (options.metadataColumns().isEmpty() && options.format() == ImportFormat.JSONL) {
            values.forEach((k, v) -> {
                if (k.startsWith(RowSource.METADATA_PREFIX) && v != null) {
                    metadata.put(k.substring(RowSource.METADATA_PREFIX.length()), v);
                }
            });
        }
        for (String column : options.metadataColumns()) {
            String value = values.get(column);
            if (value != null) {
                metadata.put(column, value);
            }
        }
        return metadata;
    }

    private String check(Dataset dataset, TextRecord record, Map<String, String> values, ImportOptions options,
                         Map<String, Long> firstLineOfId, long line) {
        if (record.text() == null && !values.containsKey(options.textColumn())) {
            return "no field '" + options.textColumn() + "'";
        }
        String problem = rules.textProblem(options.textColumn(), record.text());
        if (problem == null && options.idColumn() != null) {
            problem = rules.idProblem(options.idColumn(), record.id());
        }
        if (problem != null) {
            return problem;
        }
        if (record.annotation() != null && !dataset.labels().contains(record.label())) {
            return "label '" + record.label() + "' is not in the label set " + dataset.labels();
        }
        Long first = firstLineOfId.putIfAbsent(record.id(), line);
        if (first != null) {
            return (options.idColumn() == null ? "same text as line " : "duplicate id '" + record.id() + "', first on line ")
                    + first;
        }
        return null;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** What the checking pass found. */
    private static final class Scan {
        long rows;
        long rejectedCount;
        final List<RejectedRow> rejected = new ArrayList<>();

        void reject(RejectedRow row) {
            rejectedCount++;
            if (rejected.size() < ImportReport.MAX_LISTED_REJECTS) {
                rejected.add(row);
            }
        }
    }

    private record Result(long created, long labeled, long unchanged) {
    }
}
