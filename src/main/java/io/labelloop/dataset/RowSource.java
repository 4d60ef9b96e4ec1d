package io.labelloop.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Rows of an import file as column-to-value maps, with the line each starts on, or the reason it is unreadable. */
abstract class RowSource implements Closeable {

    /** A data row: its values by column, or a problem that rejects it. */
    record Row(long line, Map<String, String> values, String problem) {
    }

    /** JSONL: entries of a {@code metadata} object appear as {@code metadata.<key>} (and as {@code <key>}). */
    static final String METADATA_PREFIX = "metadata.";

    protected final String file;
    protected final Reader reader;

    private RowSource(Path path, String file) throws IOException {
        this.file = file;
        // Strict decoding: a file that is not UTF-8 is refused instead of importing garbled text.
        this.reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    static RowSource open(Path path, String file, ImportOptions options) throws IOException {
        return options.format() == ImportFormat.CSV ? new Csv(path, file, options) : new Jsonl(path, file, options);
    }

    /** The next data row, or null at the end. */
    abstract Row next() throws IOException;

    @Override
    public void close() throws IOException {
        reader.close();
    }

    static Set<String> requiredColumns(ImportOptions options) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(options.textColumn());
        if (options.labelColumn() != null) {
            columns.add(options.labelColumn());
        }
        if (options.idColumn() != null) {
            columns.add(options.idColumn());
        }
        columns.addAll(options.metadataColumns());
        return columns;
    }

    private static final class Csv extends RowSource {
        private final CsvParser parser;
        private final int maxChars;
        private List<String> header;

        Csv(Path path, String file, ImportOptions options) throws IOException {
            super(path, file);
            this.maxChars = options.maxRecordChars();
            this.parser = new CsvParser(reader, file, maxChars);
            readHeader(options);
        }

        private void readHeader(ImportOptions options) throws IOException {
            CsvParser.CsvRecord first = parser.next();
            while (first != null && first.blank()) {
                first = parser.next();
            }
            if (first == null) {
                throw new ImportException(file, 1, "empty file: expected a header row naming the columns, e.g. 'text,label'");
            }
            if (first.tooLong()) {
                throw new ImportException(file, first.line(), "header row longer than " + maxChars + " characters");
            }
            header = first.fields().stream().map(String::trim).toList();
            for (String column : requiredColumns(options)) {
                if (!header.contains(column)) {
                    throw new ImportException(file, first.line(), "no column '" + column + "' in the header " + header);
                }
            }
        }

        @Override
        Row next() throws IOException {
            CsvParser.CsvRecord record = parser.next();
            while (record != null && record.blank()) {
                record = parser.next();
            }
            if (record == null) {
                return null;
            }
            if (record.tooLong()) {
                return new Row(record.line(), Map.of(), "row longer than " + maxChars + " characters");
            }
            if (record.fields().size() != header.size()) {
                return new Row(record.line(), Map.of(), "expected " + header.size() + " columns as in the header, found "
                        + record.fields().size());
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), record.fields().get(i));
            }
            return new Row(record.line(), values, null);
        }
    }

    private static final class Jsonl extends RowSource {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final LineParser lines;
        private final ImportOptions options;

        Jsonl(Path path, String file, ImportOptions options) throws IOException {
            super(path, file);
            this.options = options;
            this.lines = new LineParser(reader, options.maxRecordChars());
        }

        @Override
        Row next() throws IOException {
            LineParser.Line line = lines.next();
            while (line != null && line.text() != null && line.text().isBlank()) {
                line = lines.next();
            }
            if (line == null) {
                return null;
            }
            if (line.text() == null) {
                return new Row(line.number(), Map.of(), "line longer than " + options.maxRecordChars() + " characters");
            }
            String text = line.number() == 1 && line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
            try {
                JsonNode node = JSON.readTree(text);
                if (node == null || !node.isObject()) {
                    return new Row(line.number(), Map.of(), "expected a JSON object per line");
                }
                return new Row(line.number(), values(node), null);
            } catch (JsonProcessingException e) {
                return new Row(line.number(), Map.of(), "invalid JSON: " + e.getOriginalMessage());
            }
        }

        private Map<String, String> values(JsonNode node) {
            Map<String, String> values = new HashMap<>();
            JsonNode metadata = node.get("metadata");
            if (metadata != null && metadata.isObject()) {
                metadata.fields().forEachRemaining(e -> {
                    values.put(METADATA_PREFIX + e.getKey(), scalar(e.getValue()));
                    values.putIfAbsent(e.getKey(), scalar(e.getValue()));
                });
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isContainerNode()) {
                    values.put(e.getKey(), scalar(e.getValue()));
                }
            });
            return values;
        }

        private static String scalar(JsonNode value) {
            return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
        }
    }
}
