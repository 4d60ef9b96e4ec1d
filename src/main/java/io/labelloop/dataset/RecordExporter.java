package io.labelloop.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes records as CSV, JSONL or the JSON-lines layout of HuggingFace datasets; the stream is closed when done. */
final class RecordExporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** First characters that make a spreadsheet cell a formula (OWASP CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** The CSV columns before the metadata columns; a metadata key of the same name gets a {@code metadata.} prefix. */
    private static final List<String> CSV_COLUMNS = List.of("id", "text", "label");

    private final ExportFormat format;
    private final List<String> metadataKeys;

    RecordExporter(ExportFormat format) {
        this(format, List.of());
    }

    /** {@code metadataKeys}: one CSV column each, in this order (JSONL keeps the metadata object as it is). */
    RecordExporter(ExportFormat format, List<String> metadataKeys) {
        this.format = format;
        this.metadataKeys = List.copyOf(metadataKeys);
    }

    long write(Stream<TextRecord> records, OutputStream out) {
        long count = 0;
        try (records) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (format == ExportFormat.CSV) {
                writer.write(csvHeader());
                writer.write('\n');
            }
            for (Iterator<TextRecord> it = records.iterator(); it.hasNext(); count++) {
                writer.write(line(it.next()));
                writer.write('\n');
            }
            writer.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("Export failed after " + count + " records: " + e.getMessage(), e);
        }
    }

    private String line(TextRecord r) throws JsonProcessingException {
        return switch (format) {
            case CSV -> csvLine(r);
            case HF_JSONL -> JSON.writeValueAsString(Map.of("text", r.text(), "label", r.label()));
            case JSONL -> JSON.writeValueAsString(full(r));
        };
    }

    private static Map<String, Object> full(TextRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("text", r.text());
        m.put("label", r.label());
        m.put("annotator", r.annotation() == null ? null : r.annotation().annotator());
        m.put("annotated_at", r.annotation() == null || r.annotation().at() == null ? null : r.annotation().at().toString());
        m.put("split", r.split() == null ? null : r.split().name().toLowerCase(Locale.ROOT));
        m.put("metadata", r.metadata());
        return m;
    }

    private String csvHeader() {
        StringBuilder header = new StringBuilder(String.join(",", CSV_COLUMNS));
        for (String key : metadataKeys) {
            header.append(',').append(csv(CSV_COLUMNS.contains(key) ? "metadata." + key : key));
        }
        return header.toString();
    }

    private String csvLine(TextRecord r) {
        StringBuilder line = new StringBuilder(csv(r.id())).append(',').append(csv(r.text())).append(',').append(csv(r.label()));
        for (String key : metadataKeys) {
            line.append(',').append(csv(r.metadata() == null ? null : r.metadata().get(key)));
        }
        return line.toString();
    }

    /**
     * One CSV cell. A cell that a spreadsheet would run as a formula (it begins with {@code = + - @}, a tab or a
     * carriage return) gets a leading single quote, as OWASP's CSV-injection advice says: shown as text, and the quote
     * is easy to strip for a reader that wants the raw value.
     */
    static String csv(String raw) {
        if (raw == null) {
            return "";
        }
        String value = !raw.isEmpty() && FORMULA_STARTS.indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
