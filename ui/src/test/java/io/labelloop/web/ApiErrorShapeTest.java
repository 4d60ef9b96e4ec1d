package io.labelloop.web;

import static io.labelloop.web.ApiClient.ADMIN;
import static io.labelloop.web.ApiClient.ANNOTATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.TextRecord;

/** Every endpoint under /api, called with bad values, answers the one error body and never a 5xx. */
@WebAppTest
class ApiErrorShapeTest {

    private static final String DATASET = "api-errors";
    private static final String RECORDS = "/api/datasets/" + DATASET + "/records";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("status", "error", "field", "allowed", "rejected");

    /** One bad call: method, path, credentials, body, the status expected and the field named (null: none). */
    record Bad(String method, String path, String credentials, String body, int status, String field) {
    }

    @LocalServerPort
    int port;
    @Autowired
    DatasetService datasets;
    ApiClient api;

    @BeforeAll
    void createDataset() {
        api = new ApiClient(port);
        if (datasets.find(DATASET).isEmpty()) {
            datasets.create(DATASET, List.of("NEGATIVE", "POSITIVE"));
            datasets.log(DATASET, List.of(TextRecord.of("e1", "one", java.util.Map.of())));
        }
    }

    static List<Bad> badCalls() {
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("GET", RECORDS + "?sort=LOUDEST", ANNOTATOR, null, 400, "sort"));
        bad.add(new Bad("GET", RECORDS + "?status=DONE", ANNOTATOR, null, 400, "status"));
        bad.add(new Bad("GET", RECORDS + "?maxScore=high", ANNOTATOR, null, 400, "maxScore"));
        bad.add(new Bad("GET", RECORDS + "?maxScore=7", ANNOTATOR, null, 400, "maxScore"));
        bad.add(new Bad("GET", RECORDS + "?split=TEST", ANNOTATOR, null, 400, "split"));
        bad.add(new Bad("GET", RECORDS + "?size=many", ANNOTATOR, null, 400, "size"));
        bad.add(new Bad("GET", RECORDS + "?size=-1", ANNOTATOR, null, 400, "size"));
        bad.add(new Bad("GET", RECORDS + "?after=%25%25", ANNOTATOR, null, 400, "after"));
        bad.add(new Bad("GET", RECORDS + "?meta=nocolon", ANNOTATOR, null, 400, "meta"));
        bad.add(new Bad("GET", "/api/datasets/" + DATASET + "/stats?status=X", ANNOTATOR, null, 400, "status"));
        bad.add(new Bad("GET", "/api/datasets/nope/records", ANNOTATOR, null, 404, null));
        bad.add(new Bad("GET", RECORDS + "/nope", ANNOTATOR, null, 404, null));
        bad.add(new Bad("GET", RECORDS + "/a/b", ANNOTATOR, null, 404, null));
        bad.add(new Bad("GET", "/api/nothing-here", ANNOTATOR, null, 404, null));
        bad.add(new Bad("DELETE", "/api/me", ANNOTATOR, null, 405, null));
        bad.add(new Bad("GET", "/api/me", null, null, 401, null));
        bad.add(new Bad("GET", "/api/me", "annotator:wrong", null, 401, null));
        bad.add(new Bad("GET", "/api/loops", ANNOTATOR, null, 403, null));
        bad.add(new Bad("GET", "/api/loops/nope", ADMIN, null, 404, null));
        bad.add(new Bad("POST", "/api/loops/nope/pause", ADMIN, null, 404, null));
        bad.add(new Bad("POST", "/api/loops/nope/versions/v1/promote", ADMIN, null, 404, null));
        bad.add(new Bad("GET", "/api/datasets/" + DATASET + "/export?format=xls", ADMIN, null, 400, "format"));
        bad.add(new Bad("GET", "/api/datasets/" + DATASET + "/export", ANNOTATOR, null, 403, null));
        bad.add(new Bad("POST", RECORDS, ADMIN, "{not json", 400, null));
        bad.add(new Bad("POST", RECORDS, ADMIN, "[{\"id\":\"x\",\"text\":\"t\",\"predictions\":\"high\"}]", 400,
                "records[0].predictions"));
        bad.add(new Bad("POST", RECORDS, ADMIN, "[{\"text\":\"no id\"}]", 400, "records[0].id"));
        bad.add(new Bad("POST", RECORDS, ANNOTATOR, "[]", 403, null));
        bad.add(new Bad("PUT", RECORDS + "/e1/label", ANNOTATOR, "{\"label\":\"NEGATIVE\"}", 400, "revision"));
        bad.add(new Bad("PUT", RECORDS + "/e1/label", ANNOTATOR, "{\"revision\":0}", 400, "label"));
        bad.add(new Bad("PUT", RECORDS + "/e1/label", ANNOTATOR, "{\"label\":\"MAYBE\",\"revision\":0}", 400, null));
        bad.add(new Bad("PUT", RECORDS + "/e1/label", ANNOTATOR, "{\"label\":\"NEGATIVE\",\"revision\":\"zero\"}", 400,
                "revision"));
        bad.add(new Bad("PUT", RECORDS + "/e1/label", ANNOTATOR, "{\"label\":\"NEGATIVE\",\"revision\":99}", 409, null));
        bad.add(new Bad("PUT", RECORDS + "/nope/label", ANNOTATOR, "{\"label\":\"NEGATIVE\",\"revision\":0}", 404, null));
        bad.add(new Bad("PUT", RECORDS + "/e1/label", ANNOTATOR, null, 400, null));
        bad.add(new Bad("PUT", RECORDS + "/e1/label", ANNOTATOR, "{\"label\":\"NEGATIVE\",\"force\":true}", 403, null));
        bad.add(new Bad("POST", "/api/datasets/" + DATASET + "/labels", ANNOTATOR, "{\"label\":\"NEGATIVE\"}", 400, "ids"));
        bad.add(new Bad("POST", "/api/loops/nope/trigger?route=x", ADMIN, null, 404, null));
        return bad;
    }

    @Test
    void everyBadCallAnswersTheOneErrorShapeWithTheRightStatusAndField() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Bad call : badCalls()) {
            HttpResponse<String> answer = api.call(call.method(), call.path(), call.credentials(), call.body());
            String problem = problem(call, answer);
            if (problem != null) {
                wrong.add(call.method() + " " + call.path() + ": " + problem + " -- " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aListedChoiceNamesItsAllowedValues() throws Exception {
        JsonNode sort = ApiClient.json(api.get(RECORDS + "?sort=LOUDEST", ANNOTATOR));
        JsonNode format = ApiClient.json(api.get("/api/datasets/" + DATASET + "/export?format=xls", ADMIN));

        assertThat(sort.get("allowed").toString()).contains("SCORE_ASC", "UPDATED_DESC");
        assertThat(format.get("allowed").toString()).contains("csv", "jsonl", "hf");
        assertThat(sort.get("error").asText()).contains("LOUDEST");
    }

    private static String problem(Bad call, HttpResponse<String> answer) {
        return shapeProblem(call.status(), call.field(), answer.statusCode(), answer.body());
    }

    /** What is wrong with an error answer (null: nothing): a 5xx, another status, not the one body. */
    static String shapeProblem(int expectedStatus, String expectedField, int status, String text) {
        if (status >= 500) {
            return "a 5xx";
        }
        if (status != expectedStatus) {
            return "status " + status + " instead of " + expectedStatus;
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (Exception e) {
            return "not JSON";
        }
        if (body == null || !body.isObject() || body.path("status").asInt() != status
                || body.path("error").asText("").isBlank()) {
            return "no status and error";
        }
        List<String> extra = new ArrayList<>();
        body.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                extra.add(k);
            }
        });
        if (!extra.isEmpty()) {
            return "unknown keys " + extra;
        }
        if (expectedField != null && !expectedField.equals(body.path("field").asText(null))) {
            return "field " + body.path("field").asText(null) + " instead of " + expectedField;
        }
        return null;
    }
}
