package io.labelloop.dataset;

import java.util.Locale;

/** File formats {@link DatasetService#importFile} reads. */
public enum ImportFormat {
    /** RFC 4180 CSV with a header row (quoted fields may span lines). */
    CSV,
    /** One JSON object per line. */
    JSONL;

    /** Guesses the format from the file name: {@code .jsonl}/{@code .json}/{@code .ndjson} are JSONL, anything else CSV. */
    public static ImportFormat fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json") ? JSONL : CSV;
    }
}
