package io.labelloop.dataset;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dataset settings: {@code labelloop.dataset.*}.
 *
 * @param bulkSize        records per bulk request
 * @param bulkConcurrency bulk requests in flight at once; a reader waits when all are busy (back-pressure)
 * @param known           public datasets {@code importKnown} can download: name to CSV URL
 * @param maxIdLength     longest record id accepted by log and import ({@value #DEFAULT_MAX_ID_LENGTH} by default)
 * @param maxTextChars    longest record text accepted by log and import ({@value #DEFAULT_MAX_TEXT_CHARS}, 64 K)
 */
@ConfigurationProperties(prefix = "labelloop.dataset")
public record DatasetProperties(@DefaultValue("1000") int bulkSize, @DefaultValue("2") int bulkConcurrency,
                                Map<String, String> known, @DefaultValue("" + DEFAULT_MAX_ID_LENGTH) int maxIdLength,
                                @DefaultValue("" + DEFAULT_MAX_TEXT_CHARS) int maxTextChars) {

    /** Longest record id by default. */
    public static final int DEFAULT_MAX_ID_LENGTH = 256;
    /** Longest record text by default: 64 K characters. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 65_536;

    /** banking77's train split, as published by PolyAI (columns {@code text,category}). */
    public static final String BANKING77_URL =
            "https://raw.githubusercontent.com/PolyAI-LDN/task-specific-datasets/master/banking_data/train.csv";

    public DatasetProperties {
        bulkSize = bulkSize <= 0 ? 1000 : bulkSize;
        bulkConcurrency = bulkConcurrency <= 0 ? 2 : bulkConcurrency;
        known = known == null || known.isEmpty() ? Map.of("banking77", BANKING77_URL) : Map.copyOf(known);
        maxIdLength = maxIdLength <= 0 ? DEFAULT_MAX_ID_LENGTH : maxIdLength;
        maxTextChars = maxTextChars <= 0 ? DEFAULT_MAX_TEXT_CHARS : maxTextChars;
    }

    /** The defaults. */
    public static DatasetProperties defaults() {
        return new DatasetProperties(0, 0, null, 0, 0);
    }

    /** These settings with other limits for ids and texts. */
    public DatasetProperties withLimits(int idLength, int textChars) {
        return new DatasetProperties(bulkSize, bulkConcurrency, known, idLength, textChars);
    }

    /** The defaults with another download location for a known dataset (tests, mirrors). */
    public DatasetProperties withKnown(String name, String url) {
        Map<String, String> all = new HashMap<>(known);
        all.put(name, url);
        return new DatasetProperties(bulkSize, bulkConcurrency, all, maxIdLength, maxTextChars);
    }
}
