package io.labelloop.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API: {@code labelloop.api.*}.
 *
 * @param maxBodySize the largest request body under {@code /api}; a larger one is refused with 413 before it is read
 *                    (a log of 500 records of the 64 KB longest text fits the default)
 */
@ConfigurationProperties("labelloop.api")
record ApiSettings(@DefaultValue(DEFAULT_MAX_BODY_SIZE) DataSize maxBodySize) {

    /** The default body limit. */
    static final String DEFAULT_MAX_BODY_SIZE = "32MB";

    ApiSettings {
        maxBodySize = maxBodySize == null ? DataSize.parse(DEFAULT_MAX_BODY_SIZE) : maxBodySize;
    }
}
