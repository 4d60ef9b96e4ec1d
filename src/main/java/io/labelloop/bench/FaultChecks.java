package io.labelloop.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What must hold after every restart: each acknowledged label stored with its value, no record more than were sent,
 * no queue entry claimed by nobody for longer than the lease, at most one serving version. Reads the application
 * over REST and its OpenSearch directly (registry and queue have no REST view), at the base URL the caller passes and
 * under the run's index prefix.
 */
final class FaultChecks {

    /** The queue's claim lease (QueueProperties' default). */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final Rest app;
    private final String dataset;
    private final String loop;
    private final String indexPrefix;

    FaultChecks(Rest app, String dataset, String loop, String indexPrefix) {
        this.app = app;
        this.dataset = dataset;
        this.loop = loop;
        this.indexPrefix = indexPrefix;
    }

    /** Acknowledged labels not stored with their value (ids listed). */
    List<String> lostLabels(Map<String, String> acknowledged) throws InterruptedException {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, String> e : Map.copyOf(acknowledged).entrySet()) {
            JsonNode record = app.json("GET", "/api/datasets/" + dataset + "/records/" + e.getKey(), null);
            String label = record == null ? null : record.path("annotation").path("label").asText(null);
            if (!e.getValue().equals(label)) {
                lost.add(e.getKey() + "=" + e.getValue() + " (stored " + label + ")");
            }
        }
        return lost;
    }

    /** Records in the dataset. */
    long records() throws InterruptedException {
        JsonNode stats = app.json("GET", "/api/datasets/" + dataset + "/stats", null);
        if (stats == null) {
            throw new IllegalStateException("no stats of dataset " + dataset);
        }
        return stats.path("total").asLong();
    }

    /** Versions of the loop that are CURRENT (serving): exactly one once the loop has trained and promoted. */
    long servingVersions(Rest openSearch) throws InterruptedException {
        return hits(openSearch, models(), "{\"size\":0,\"track_total_hits\":true,\"query\":{\"bool\":{\"filter\":["
                + "{\"term\":{\"loop\":\"" + loop + "\"}},{\"term\":{\"status\":\"CURRENT\"}}]}}}");
    }

    /** Versions of the loop registered so far (any status). */
    long versions(Rest openSearch) throws InterruptedException {
        return hits(openSearch, models(), "{\"size\":0,\"track_total_hits\":true,\"query\":{\"term\":{\"loop\":\""
                + loop + "\"}}}");
    }

    /** Queue entries still CLAIMED although their lease ended more than a lease ago: claimed by nobody. */
    long orphanClaims(Rest openSearch) throws InterruptedException {
        String before = Instant.now().minus(LEASE).toString();
        return hits(openSearch, queue(), "{\"size\":0,\"track_total_hits\":true,\"query\":{\"bool\":"
                + "{\"filter\":[{\"term\":{\"state\":\"CLAIMED\"}},{\"range\":{\"leaseUntil\":{\"lt\":\"" + before
                + "\"}}}]}}}");
    }

    /** Queue entries CLAIMED now (for the report: the REST annotators do not claim). */
    long claims(Rest openSearch) throws InterruptedException {
        return hits(openSearch, queue(),
                "{\"size\":0,\"track_total_hits\":true,\"query\":{\"term\":{\"state\":\"CLAIMED\"}}}");
    }

    private String models() {
        return indexPrefix + "models";
    }

    private String queue() {
        return indexPrefix + "queue-" + dataset;
    }

    private static long hits(Rest openSearch, String index, String query) throws InterruptedException {
        JsonNode answer = openSearch.json("POST", "/" + index + "/_search", query);
        return answer == null ? 0 : answer.path("hits").path("total").path("value").asLong();
    }
}
