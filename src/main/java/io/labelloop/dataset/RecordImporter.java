package io.labelloop.dataset;

import java.nio.file.Path;

/** Imports CSV and JSONL files: checks the whole file, then writes the good rows in bulk. */
final class RecordImporter {

    private final DatasetCatalog catalog;
    private final RecordWriter writer;

    RecordImporter(DatasetCatalog catalog, RecordWriter writer) {
        this.catalog = catalog;
        this.writer = writer;
    }

    ImportReport importFile(Dataset dataset, Path file, ImportOptions options) {
        throw new UnsupportedOperationException("import: in progress");
    }
}
