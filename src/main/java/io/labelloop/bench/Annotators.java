package io.labelloop.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Simulated annotators over REST, as scripts or people behind a stale tab would be: each loads unlabeled records,
 * labels one at the revision it read, and keeps every acknowledged (200) label with its value. They work in bursts
 * with a common pause, so that the loop's training debounce sees a quiet moment and trains. Every few labels one
 * sends a bad request; none may answer 5xx (but a 503 while a data node is down, see {@link NodeOutage}). A server
 * that is down (killed) is waited for.
 */
final class Annotators {

    /** Labels for a burst, then all pause this long: longer than the loop's 2 s training debounce. */
    static final long BURST_MS = 6_000;
    static final long PAUSE_MS = 3_000;
    private static final List<String> LABELS = List.of("NEGATIVE", "POSITIVE");
    private static final String[] BAD = {
        "GET|/records?sort=LOUDEST|", "GET|/records?status=DONE|", "GET|/records?maxScore=high|",
        "GET|/records?after=garbage|", "GET|/records/a%2Fb|", "PUT|/records/nope/label|{\"label\":\"NEGATIVE\",\"revision\":0}",
        "PUT|/records/q0001/label|{\"label\":\"NEGATIVE\"}", "POST|/labels|{\"label\":\"NEGATIVE\",\"ids\":[\"nope\"]}",
        "PUT|/records/q0001/label|{not json", "DELETE|/records|", "GET|/stats?split=TEST|"};

    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final AtomicLong badRequests = new AtomicLong();
    final AtomicLong badRequests5xx = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    /** Every acknowledged label, a record labeled twice counted twice (the map keeps only the last). */
    final AtomicLong acks = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String dataset;
    private final NodeOutage outage;
    private final long startNanos = System.nanoTime();

    Annotators(String dataset, NodeOutage outage) {
        this.dataset = dataset;
        this.outage = outage;
    }

    void stop() {
        running.set(false);
    }

    void annotate(Rest rest, long seed) {
        Random random = new Random(seed);
        try {
            for (long n = 0; running.get(); n++) {
                pauseBetweenBursts();
                if (n % 7 == 3) {
                    badRequest(rest, random);
                }
                labelOne(rest, random);
                Thread.sleep(100 + random.nextInt(300));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pauseBetweenBursts() throws InterruptedException {
        long inCycle = ((System.nanoTime() - startNanos) / 1_000_000) % (BURST_MS + PAUSE_MS);
        if (inCycle >= BURST_MS) {
            Thread.sleep(BURST_MS + PAUSE_MS - inCycle);
        }
    }

    private void labelOne(Rest rest, Random random) throws InterruptedException {
        HttpResponse<String> read = rest.call("GET", "/api/datasets/" + dataset
                + "/records?status=DEFAULT&size=50&sort=SCORE_ASC", null);
        outage.note(read);
        JsonNode page = Rest.body(read);
        if (page == null || page.path("records").isEmpty()) {
            Thread.sleep(500);
            return;
        }
        JsonNode record = page.path("records").get(random.nextInt(page.path("records").size()));
        String id = record.path("id").asText();
        String label = LABELS.get(random.nextInt(LABELS.size()));
        HttpResponse<String> answer = rest.call("PUT", "/api/datasets/" + dataset + "/records/" + id + "/label",
                "{\"label\":\"" + label + "\",\"revision\":" + record.path("revision").asLong() + "}");
        outage.note(answer);
        if (answer != null && answer.statusCode() == 200) {
            acknowledged.put(id, label);
            acks.incrementAndGet();
        } else if (answer != null && answer.statusCode() == 409) {
            conflicts.incrementAndGet();
        }
    }

    private void badRequest(Rest rest, Random random) throws InterruptedException {
        String[] call = BAD[random.nextInt(BAD.length)].split("\\|", 3);
        HttpResponse<String> answer = rest.call(call[0], "/api/datasets/" + dataset + call[1],
                call[2].isEmpty() ? null : call[2]);
        boolean excused = outage.note(answer);
        if (answer != null) {
            badRequests.incrementAndGet();
            if (answer.statusCode() >= 500 && !excused) {
                badRequests5xx.incrementAndGet();
            }
        }
    }
}
