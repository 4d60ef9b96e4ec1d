package io.labelloop.web;

import static io.labelloop.web.ApiClient.ADMIN;
import static io.labelloop.web.ApiClient.ANNOTATOR;
import static io.labelloop.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.TextRecord;

/** The REST API refuses what it used to accept quietly, naming the field; a user's own writes show in the next read. */
@WebAppTest
class StrictInputsApiTest {

    private static final String DATASET = "api-strict";

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
        }
        List<TextRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(TextRecord.of("s" + i, i == 3 ? "=HYPERLINK(\"http://x\")" : "text number " + i, Map.of()));
        }
        datasets.log(DATASET, records);
        datasets.refresh(DATASET);
    }

    private String path(String rest) {
        return "/api/datasets/" + DATASET + rest;
    }

    @Test
    void aLabelWithoutRevisionIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> answer = api.call("PUT", path("/records/s1/label"), ANNOTATOR, "{\"label\":\"NEGATIVE\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("field").asText()).isEqualTo("revision");
        assertThat(datasets.record(DATASET, "s1").orElseThrow().label()).isNull();
    }

    @Test
    void onlyAnAdminMayForceALabelOverWhateverTheRecordHolds() throws Exception {
        long revision = datasets.record(DATASET, "s2").orElseThrow().revision();
        api.call("PUT", path("/records/s2/label"), ANNOTATOR, "{\"label\":\"NEGATIVE\",\"revision\":" + revision + "}");

        HttpResponse<String> annotator = api.call("PUT", path("/records/s2/label"), ANNOTATOR,
                "{\"label\":\"POSITIVE\",\"force\":true}");
        HttpResponse<String> admin = api.call("PUT", path("/records/s2/label"), ADMIN, "{\"label\":\"POSITIVE\",\"force\":true}");

        assertThat(annotator.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(datasets.record(DATASET, "s2").orElseThrow().label()).isEqualTo("POSITIVE");
    }

    @Test
    void anInvalidCursorIsRefusedInsteadOfAnsweringPageOne() throws Exception {
        HttpResponse<String> answer = api.get(path("/records?after=garbage"), ANNOTATOR);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("field").asText()).isEqualTo("after");
    }

    @Test
    void aBulkLabelReportsTheIdsTheDatasetDoesNotHold() throws Exception {
        HttpResponse<String> answer = api.call("POST", path("/labels"), ANNOTATOR,
                "{\"label\":\"NEGATIVE\",\"ids\":[\"s5\",\"nope-1\",\"nope-2\"]}");

        JsonNode body = json(answer);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(body.get("labeled").asLong()).isEqualTo(1);
        assertThat(body.get("missing").asLong()).isEqualTo(2);
        assertThat(body.get("missingIds").toString()).contains("nope-1", "nope-2");
    }

    @Test
    void loggedRecordsWithABadIdOrTextAreRefusedByPositionAndFieldAndNothingIsWritten() throws Exception {
        String huge = "x".repeat(70_000);
        String body = "[{\"id\":\"ok-1\",\"text\":\"fine\"},{\"id\":\"a/b\",\"text\":\"slash\"},{\"id\":\"e-1\",\"text\":\" \"},"
                + "{\"id\":\"big-1\",\"text\":\"" + huge + "\"}]";

        HttpResponse<String> answer = api.call("POST", path("/records"), ADMIN, body);

        JsonNode error = json(answer);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(error.get("field").asText()).isEqualTo("records[1].id");
        assertThat(error.get("rejected")).hasSize(3);
        assertThat(error.get("rejected").get(1).get("field").asText()).isEqualTo("text");
        assertThat(error.get("rejected").get(2).get("reason").asText()).contains("70000 characters", "65536");
        assertThat(datasets.record(DATASET, "ok-1")).isEmpty();
    }

    @Test
    void anExportRightAfterLabelsHoldsEveryOneOfThemAndNeutralisesFormulas() throws Exception {
        for (int i = 10; i < 40; i++) {
            long revision = datasets.record(DATASET, "s" + i).orElseThrow().revision();
            api.call("PUT", path("/records/s" + i + "/label"), ANNOTATOR, "{\"label\":\"POSITIVE\",\"revision\":" + revision + "}");
        }
        long revision = datasets.record(DATASET, "s3").orElseThrow().revision();
        api.call("PUT", path("/records/s3/label"), ANNOTATOR, "{\"label\":\"POSITIVE\",\"revision\":" + revision + "}");

        String csv = api.get(path("/export?format=csv&label=POSITIVE"), ADMIN).body();
        JsonNode stats = json(api.get(path("/stats"), ANNOTATOR));

        for (int i = 10; i < 40; i++) {
            assertThat(csv).contains("\ns" + i + ",text number " + i + ",POSITIVE");
        }
        assertThat(csv).contains("\ns3,\"'=HYPERLINK(\"\"http://x\"\")\",POSITIVE");
        assertThat(stats.get("labels").get("POSITIVE").asLong()).isGreaterThanOrEqualTo(31);
    }
}
