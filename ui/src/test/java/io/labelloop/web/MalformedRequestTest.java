package io.labelloop.web;

import static io.labelloop.web.ApiClient.ADMIN;
import static io.labelloop.web.ApiClient.ANNOTATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that Tomcat or the security firewall refuse before a controller runs (a malformed escape, an encoded slash,
 * a doubled slash, a path parameter, a body over the limit) still answer the one error body under /api.
 */
@WebAppTest
class MalformedRequestTest {

    /** One raw request line, the status expected. */
    record Raw(String requestLine, String credentials, int status, String... headers) {
    }

    @LocalServerPort
    int port;
    RawHttp http;

    @BeforeAll
    void connect() {
        http = new RawHttp(port);
    }

    static List<Raw> refused() {
        return List.of(
                new Raw("GET /api/datasets/%zz/records HTTP/1.1", ANNOTATOR, 400),
                new Raw("GET /api/datasets/a%2Fb/records HTTP/1.1", ANNOTATOR, 400),
                new Raw("GET /api/datasets/a%5cb/records HTTP/1.1", ANNOTATOR, 400),
                new Raw("GET /api/datasets/a%00b/records HTTP/1.1", ANNOTATOR, 400),
                new Raw("GET /api//datasets HTTP/1.1", ANNOTATOR, 400),
                new Raw("GET /api/datasets;x=1 HTTP/1.1", ANNOTATOR, 400),
                new Raw("GET /api/%2e%2e/login HTTP/1.1", null, 400),
                new Raw("POST /api/datasets/any/records HTTP/1.1", ADMIN, 413,
                        "Content-Type: application/json", "Content-Length: 999999999999"));
    }

    @Test
    void everyRefusedRequestAnswersTheOneErrorShape() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Raw raw : refused()) {
            RawHttp.Answer answer = http.send(raw.requestLine(), raw.credentials(), raw.headers());
            String problem = ApiErrorShapeTest.shapeProblem(raw.status(), null, answer.status(), answer.body());
            if (problem == null && !answer.head().contains("content-type: application/json")) {
                problem = "not served as JSON";
            }
            if (problem != null) {
                wrong.add(raw.requestLine() + ": " + problem + " -- " + answer.status() + " "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedNamingTheSetting() throws Exception {
        RawHttp.Answer answer = http.send("POST /api/datasets/any/records HTTP/1.1", ADMIN,
                "Content-Type: application/json", "Content-Length: 999999999999");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("labelloop.api.max-body-size");
    }

    @Test
    void aMalformedPathOutsideTheApiKeepsAPlainPageWithoutServerDetails() throws Exception {
        RawHttp.Answer answer = http.send("GET /%zz HTTP/1.1", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Apache Tomcat/").doesNotStartWith("{");
    }
}
