package io.labelloop.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A position in a sorted search ({@code search_after}): the sort values of the hit to continue after. Its
 * {@link #token()} is opaque URL-safe text (base64 JSON), so that it can travel through a URL and back.
 *
 * @param values the sort values: strings, longs, doubles, booleans or null
 */
public record Cursor(List<Object> values) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Cursor {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The cursor as opaque text. */
    public String token() {
        ArrayNode array = JSON.createArrayNode();
        for (Object v : values) {
            if (v == null) {
                array.addNull();
            } else if (v instanceof Double d) {
                array.add(d);
            } else if (v instanceof Long l) {
                array.add(l);
            } else if (v instanceof Boolean b) {
                array.add(b);
            } else {
                array.add(v.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor of a {@link #token()}.
     *
     * @throws IllegalArgumentException if the text is not one
     */
    public static Cursor of(String token) throws IllegalArgumentException {
        try {
            JsonNode array = JSON.readTree(Base64.getUrlDecoder().decode(token));
            if (array == null || !array.isArray() || array.isEmpty()) {
                throw new IllegalArgumentException("not a list of sort values");
            }
            List<Object> values = new ArrayList<>();
            for (JsonNode n : array) {
                if (n.isContainerNode()) {
                    throw new IllegalArgumentException("not a list of sort values");
                }
                values.add(n.isNull() ? null
                        : n.isIntegralNumber() ? (Object) n.longValue()
                        : n.isNumber() ? (Object) n.doubleValue()
                        : n.isBoolean() ? (Object) n.booleanValue()
                        : n.textValue());
            }
            return new Cursor(values);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
