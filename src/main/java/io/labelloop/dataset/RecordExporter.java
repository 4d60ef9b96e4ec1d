package io.labelloop.dataset;

import java.io.OutputStream;
import java.util.stream.Stream;

/** Writes records as CSV, JSONL or HuggingFace JSON lines. */
final class RecordExporter {

    private final ExportFormat format;

    RecordExporter(ExportFormat format) {
        this.format = format;
    }

    long write(Stream<TextRecord> records, OutputStream out) {
        throw new UnsupportedOperationException("export: in progress");
    }
}
