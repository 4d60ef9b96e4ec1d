package io.labelloop.dataset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.opensearch.client.opensearch._types.FieldValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Opaque {@code search_after} cursors: the last hit's sort values as URL-safe base64 JSON. */
final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursors() {
    }

    static String encode(List<FieldValue> sortValues) {
        ArrayNode array = JSON.createArrayNode();
        for (FieldValue v : sortValues) {
            if (v.isNull()) {
                array.addNull();
            } else if (v.isDouble()) {
                array.add(v.doubleValue());
            } else if (v.isLong()) {
                array.add(v.longValue());
            } else if (v.isBoolean()) {
                array.add(v.booleanValue());
            } else {
                array.add(v.stringValue());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<FieldValue> decode(String cursor) {
        try {
            JsonNode array = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            if (array == null || !array.isArray() || array.isEmpty()) {
                throw new IllegalArgumentException("not a list of sort values");
            }
            List<FieldValue> values = new ArrayList<>();
            for (JsonNode n : array) {
                if (n.isContainerNode()) {
                    throw new IllegalArgumentException("not a list of sort values");
                }
                values.add(n.isNull() ? FieldValue.NULL
                        : n.isIntegralNumber() ? FieldValue.of(n.longValue())
                        : n.isNumber() ? FieldValue.of(n.doubleValue())
                        : n.isBoolean() ? FieldValue.of(n.booleanValue())
                        : FieldValue.of(n.textValue()));
            }
            return values;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InvalidCursorException(cursor, e);
        }
    }
}
