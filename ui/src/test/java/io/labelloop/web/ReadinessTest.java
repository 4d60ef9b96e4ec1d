package io.labelloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** The readiness probe names the store, the model runtime and the loops' routes; the metrics are open by default. */
@WebAppTest
class ReadinessTest {

    @LocalServerPort
    int port;

    @Test
    void readinessIsUpWithTheStoreTheModelRuntimeAndEveryRouteNamed() throws Exception {
        JsonNode readiness = ApiClient.json(new ApiClient(port).get("/actuator/health/readiness", null));

        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        JsonNode loops = readiness.path("components").path("loops");
        assertThat(loops.path("status").asText()).isEqualTo("UP");
        assertThat(loops.path("details").path("store").asText()).isEqualTo("up");
        assertThat(loops.path("details").path("modelRuntime").asText()).startsWith("up");
        assertThat(loops.path("details").path("routes").asText()).endsWith("started");
    }

    @Test
    void prometheusIsOpenByDefault() throws Exception {
        var answer = new ApiClient(port).get("/actuator/prometheus", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("labelloop_");
    }
}
