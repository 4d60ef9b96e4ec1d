package io.labelloop.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labelloop.model.core.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a label set file ({@code config/labels/*.yaml}): the labels of a loop with the natural-language
 * descriptions used by the zero-shot start. Format:
 *
 * <pre>{@code
 * name: banking-sentiment          # optional, informative
 * labels:
 *   - label: NEGATIVE              # the label as stored with labels and predictions
 *     descriptions:                # one or more; several form an ensemble
 *       - "My card payment was declined."
 *       - "I was charged twice for the same purchase."
 *   - label: POSITIVE
 *     descriptions:
 *       - "How do I open an account?"
 * }</pre>
 *
 * <p>JSON with the same structure is accepted too (YAML is a superset). The order of the labels is the
 * order of the classifier's outputs.
 */
public final class LabelSetFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LabelSetFile() {
    }

    /**
     * Reads and checks a label set file.
     *
     * @param file the YAML or JSON file
     * @return the labels with their descriptions, in file order
     * @throws ModelException when the file is missing or malformed, a label has no description, or a label
     *     appears twice; the message names the file and, where the parser knows it, the line
     */
    public static List<LabelDescription> read(Path file) {
        Document doc = parse(file);
        if (doc == null || doc.labels == null || doc.labels.isEmpty()) {
            throw new ModelException(file + ": no 'labels' list (expected labels: [{label: ..., descriptions: [...]}])");
        }
        List<LabelDescription> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < doc.labels.size(); i++) {
            Entry e = doc.labels.get(i);
            String where = file + ": labels[" + i + "]";
            if (e == null || e.label == null || e.label.isBlank()) {
                throw new ModelException(where + ": 'label' is missing or blank");
            }
            if (!seen.add(e.label)) {
                throw new ModelException(where + ": label '" + e.label + "' appears twice");
            }
            if (e.descriptions == null || e.descriptions.isEmpty() || e.descriptions.stream().anyMatch(d -> d == null || d.isBlank())) {
                throw new ModelException(where + " (" + e.label + "): 'descriptions' needs at least one non-blank sentence");
            }
            result.add(new LabelDescription(e.label, e.descriptions));
        }
        return result;
    }

    private static Document parse(Path file) {
        try {
            return YAML.readValue(Files.readString(file), Document.class);
        } catch (NoSuchFileException e) {
            throw new ModelException("label set file not found: " + file, e);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new ModelException(file + line + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelException("cannot read label set file " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class Document {
        @JsonProperty("name")
        String name;
        @JsonProperty("labels")
        List<Entry> labels;
    }

    private static final class Entry {
        @JsonProperty("label")
        String label;
        @JsonProperty("descriptions")
        List<String> descriptions;
    }
}
