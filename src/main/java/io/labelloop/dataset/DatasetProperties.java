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
 */
@ConfigurationProperties(prefix = "labelloop.dataset")
public record DatasetProperties(@DefaultValue("1000") int bulkSize, @DefaultValue("2") int bulkConcurrency,
                                Map<String, String> known) {

    /** banking77's train split, as published by PolyAI (columns {@code text,category}). */
    public static final String BANKING77_URL =
            "https://raw.githubusercontent.com/PolyAI-LDN/task-specific-datasets/master/banking_data/train.csv";

    public DatasetProperties {
        bulkSize = bulkSize <= 0 ? 1000 : bulkSize;
        bulkConcurrency = bulkConcurrency <= 0 ? 2 : bulkConcurrency;
        known = known == null || known.isEmpty() ? Map.of("banking77", BANKING77_URL) : Map.copyOf(known);
    }

    /** The defaults. */
    public static DatasetProperties defaults() {
        return new DatasetProperties(0, 0, null);
    }

    /** The defaults with another download location for a known dataset (tests, mirrors). */
    public DatasetProperties withKnown(String name, String url) {
        Map<String, String> all = new HashMap<>(known);
        all.put(name, url);
        return new DatasetProperties(bulkSize, bulkConcurrency, all);
    }
}
