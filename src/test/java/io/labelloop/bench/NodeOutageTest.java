package io.labelloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

/** How the answers while a data node is down are counted: a 503 that says "try again later" is acceptable, no other. */
class NodeOutageTest {

    private static final String API_503 = "{\"status\":503,\"error\":\"OpenSearch search failed at cluster ...\"}";

    @Test
    void aJson503DuringTheOutageIsExcusedAndCountedApart() {
        NodeOutage outage = new NodeOutage();
        outage.begin();
        assertThat(outage.note(answer(503, API_503))).isTrue();
        assertThat(outage.unavailable503).hasValue(1);
        assertThat(outage.serverErrors).hasValue(0);
        assertThat(outage.examples).singleElement().asString().startsWith("503 GET /api/datasets/d/records: {");
    }

    @Test
    void a503WithoutTheApiErrorBodyAndOther5xxAreServerErrors() {
        NodeOutage outage = new NodeOutage();
        outage.begin();
        assertThat(outage.note(answer(503, "<html>Service Unavailable</html>"))).isFalse();
        assertThat(outage.note(answer(500, "{\"status\":500,\"error\":\"boom\"}"))).isFalse();
        assertThat(outage.note(answer(200, "{}"))).isFalse();
        assertThat(outage.serverErrors).hasValue(2);
        assertThat(outage.answered).hasValue(3);
    }

    @Test
    void noAnswerIsCountedAsUnanswered() {
        NodeOutage outage = new NodeOutage();
        outage.begin();
        outage.note(null);
        assertThat(outage.unanswered).hasValue(1);
    }

    @Test
    void outsideTheOutageNothingIsCountedOrExcused() {
        NodeOutage outage = new NodeOutage();
        outage.begin();
        outage.end();
        assertThat(outage.note(answer(503, API_503))).isFalse();
        assertThat(outage.unavailable503).hasValue(0);
        assertThat(outage.answered).hasValue(0);
    }

    private static HttpResponse<String> answer(int status, String body) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public HttpRequest request() {
                return HttpRequest.newBuilder(uri()).build();
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of(), (name, value) -> true);
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return URI.create("http://127.0.0.1/api/datasets/d/records");
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
