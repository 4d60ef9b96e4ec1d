package io.labelloop.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the application answered the annotators and the import while a data node of its cluster was down, from the
 * node's stop until the cluster is green again. A 503 with the API's JSON error body ("try again later") is an
 * acceptable answer then and is counted apart; any other 5xx, or a 503 without that body, is a server error. Outside
 * the outage nothing is counted here.
 */
final class NodeOutage {

    static final int UNAVAILABLE = 503;
    /** Enough to see which calls failed and why, short enough for the report. */
    static final int EXAMPLES = 5;
    private static final int EXAMPLE_CHARS = 240;

    final AtomicLong unavailable503 = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    /** The first 503s and other 5xx: call and error message. */
    final List<String> examples = new CopyOnWriteArrayList<>();
    private volatile boolean on;

    void begin() {
        on = true;
    }

    void end() {
        on = false;
    }

    /**
     * Notes an answer (null: none came).
     *
     * @return true when it is an acceptable 503 during the outage, which the caller then does not count as a 5xx
     */
    boolean note(HttpResponse<String> answer) {
        if (!on) {
            return false;
        }
        if (answer == null) {
            unanswered.incrementAndGet();
            return false;
        }
        answered.incrementAndGet();
        if (answer.statusCode() < 500) {
            return false;
        }
        keepExample(answer);
        if (answer.statusCode() == UNAVAILABLE && isApiError(answer)) {
            unavailable503.incrementAndGet();
            return true;
        }
        serverErrors.incrementAndGet();
        return false;
    }

    private void keepExample(HttpResponse<String> answer) {
        if (examples.size() < EXAMPLES) {
            String body = String.valueOf(answer.body());
            examples.add(answer.statusCode() + " " + answer.request().method() + " " + answer.uri().getRawPath() + ": "
                    + body.substring(0, Math.min(body.length(), EXAMPLE_CHARS)));
        }
    }

    /** The API's error body: {@code {"status": 503, "error": "...", ...}}. */
    static boolean isApiError(HttpResponse<String> answer) {
        JsonNode body = Rest.tree(answer);
        return body != null && body.path("status").asInt() == answer.statusCode() && body.path("error").isTextual();
    }
}
