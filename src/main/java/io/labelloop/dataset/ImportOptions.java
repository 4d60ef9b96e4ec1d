package io.labelloop.dataset;

import java.util.List;

/**
 * How to read an import file.
 *
 * @param format          CSV or JSONL
 * @param textColumn      column (CSV header) or field (JSONL) holding the text; required
 * @param labelColumn     column holding a label, or null; rows with a non-empty label become VALIDATED
 * @param idColumn        column holding the record id, or null to derive the id from a hash of the text
 * @param metadataColumns columns copied into the record's metadata (as strings)
 * @param maxRecordChars  a row longer than this is rejected (protects memory against a runaway line)
 * @param strict          refuse the whole file when any row is bad (nothing is written), instead of skipping bad rows
 */
public record ImportOptions(ImportFormat format, String textColumn, String labelColumn, String idColumn,
                            List<String> metadataColumns, int maxRecordChars, boolean strict) {

    /** Default text column name. */
    public static final String DEFAULT_TEXT_COLUMN = "text";
    /** Longest accepted row: 1M characters. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1_000_000;

    public ImportOptions {
        format = format == null ? ImportFormat.CSV : format;
        textColumn = textColumn == null || textColumn.isBlank() ? DEFAULT_TEXT_COLUMN : textColumn;
        labelColumn = labelColumn == null || labelColumn.isBlank() ? null : labelColumn;
        idColumn = idColumn == null || idColumn.isBlank() ? null : idColumn;
        metadataColumns = metadataColumns == null ? List.of() : List.copyOf(metadataColumns);
        maxRecordChars = maxRecordChars <= 0 ? DEFAULT_MAX_RECORD_CHARS : maxRecordChars;
    }

    /** Text in column {@code text}, no labels, ids from the text, bad rows skipped. */
    public static ImportOptions of(ImportFormat format) {
        return new ImportOptions(format, null, null, null, List.of(), 0, false);
    }

    public ImportOptions withText(String column) {
        return new ImportOptions(format, column, labelColumn, idColumn, metadataColumns, maxRecordChars, strict);
    }

    public ImportOptions withLabel(String column) {
        return new ImportOptions(format, textColumn, column, idColumn, metadataColumns, maxRecordChars, strict);
    }

    public ImportOptions withId(String column) {
        return new ImportOptions(format, textColumn, labelColumn, column, metadataColumns, maxRecordChars, strict);
    }

    public ImportOptions withMetadata(List<String> columns) {
        return new ImportOptions(format, textColumn, labelColumn, idColumn, columns, maxRecordChars, strict);
    }

    public ImportOptions withMaxRecordChars(int chars) {
        return new ImportOptions(format, textColumn, labelColumn, idColumn, metadataColumns, chars, strict);
    }

    public ImportOptions withStrict(boolean refuseOnBadRow) {
        return new ImportOptions(format, textColumn, labelColumn, idColumn, metadataColumns, maxRecordChars, refuseOnBadRow);
    }
}
