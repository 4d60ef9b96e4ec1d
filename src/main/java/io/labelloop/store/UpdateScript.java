package io.labelloop.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A Painless script run on the stored document ({@code ctx._source}), with its parameters ({@code params}).
 * Parameter values are written to JSON with the store's mapper.
 */
public record UpdateScript(String painless, Map<String, Object> params) {

    public UpdateScript {
        params = Collections.unmodifiableMap(new HashMap<>(params));
    }
}
