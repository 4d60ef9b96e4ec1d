package io.labelloop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP calls to the child application (HTTP Basic) or its OpenSearch node; null when nothing answers. */
public final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String authorization;

    /** Calls {@code base}, as {@code user} with HTTP Basic, or anonymously when {@code user} is null. */
    public Rest(String base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The answer, or null when the server is not there (refused, reset, timed out). */
    HttpResponse<String> call(String method, String path, String json) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    /** The JSON body of a 2xx answer, or null. */
    public JsonNode json(String method, String path, String body) throws InterruptedException {
        return body(call(method, path, body));
    }

    /** The JSON body of this answer if it is a 2xx, else null. */
    static JsonNode body(HttpResponse<String> answer) {
        return answer == null || answer.statusCode() / 100 != 2 ? null : tree(answer);
    }

    /** The answer's body as JSON (whatever its status), or null when it is not JSON. */
    static JsonNode tree(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            return null;
        }
    }
}
