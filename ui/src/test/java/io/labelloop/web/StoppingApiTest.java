package io.labelloop.web;

import static io.labelloop.web.ApiClient.ADMIN;
import static io.labelloop.web.ApiClient.ANNOTATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelloop.registry.ModelRegistry;
import io.labelloop.stopping.StoppingService;

/** When to stop, as REST under the loops API and as Prometheus gauges. */
@WebAppTest
class StoppingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ModelRegistry registry;

    @Test
    void anAdminReadsTheLoopsForecastAndStoppingSignalWithTheRuleItFollows() throws Exception {
        HttpResponse<String> answer = new ApiClient(port).get("/api/loops/ui-test/stopping", ADMIN);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(answer);
        int trained = StoppingService.curve(registry.history("ui-test")).size();
        assertThat(body.path("loop").asText()).isEqualTo("ui-test");
        assertThat(body.path("curvePoints").asInt()).as("the trained, evaluated versions").isEqualTo(trained);
        assertThat(body.path("forecasts").size()).isEqualTo(trained >= 3 ? 2 : 0);
        assertThat(body.path("window").asInt()).isEqualTo(3);
        assertThat(body.path("threshold").asDouble()).isEqualTo(0.99);
        assertThat(body.path("kappas").size()).as("the test app's routes never score the pool").isZero();
        assertThat(body.path("stopSetSize").asInt()).isZero();
        assertThat(body.path("signal").asText()).isEqualTo("TOO_FEW_VERSIONS");
        assertThat(body.path("rule").asText()).contains("mean kappa of the last 3");
    }

    @Test
    void anUnknownLoopIsANotFoundWithTheErrorBodyAndAnAnnotatorIsRefused() throws Exception {
        ApiClient api = new ApiClient(port);

        HttpResponse<String> unknown = api.get("/api/loops/no-such-loop/stopping", ADMIN);
        HttpResponse<String> annotator = api.get("/api/loops/ui-test/stopping", ANNOTATOR);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(unknown).path("error").asText()).contains("no-such-loop");
        assertThat(annotator.statusCode()).isEqualTo(403);
    }

    @Test
    void theForecastAndTheKappaArePrometheusGaugesTaggedByLoop() throws Exception {
        String metrics = new ApiClient(port).get("/actuator/prometheus", null).body();

        assertThat(metrics).contains("labelloop_forecast_accuracy{labels=\"+100\",loop=\"ui-test\"}")
                .contains("labelloop_forecast_accuracy{labels=\"+500\",loop=\"ui-test\"}")
                .contains("labelloop_forecast_accuracy_low{labels=\"+100\",loop=\"ui-test\"}")
                .contains("labelloop_stopping_kappa{loop=\"ui-test\"}")
                .contains("labelloop_stopping_signal{loop=\"ui-test\"}");
    }
}
