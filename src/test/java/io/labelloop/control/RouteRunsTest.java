package io.labelloop.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.labelloop.loop.LoopException;
import io.labelloop.loop.LoopPausedException;

/** Route runs as a real Camel context reports them: a pause is no failure, a failure reads as one short sentence. */
class RouteRunsTest {

    private final RouteRuns runs = new RouteRuns();
    private CamelContext camel;

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        camel.getManagementStrategy().addEventNotifier(runs);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pause").routeId("bank-retrain").process(e -> {
                    throw new LoopPausedException("bank", "score v3 paused at 512 of 3072");
                });
                from("direct:fail").routeId("bank-start").process(e -> {
                    throw new LoopException("bank", "score: the model file is missing",
                            new IllegalStateException("deep\ncause"));
                });
                from("direct:ok").routeId("bank-refill").log("fine");
                from("direct:stopped").routeId("bank-score").process(e -> {
                    // what the labelloop: producer does with a step that stopped for a pause
                    e.setProperty(LoopPausedException.EXCHANGE_PROPERTY,
                            new LoopPausedException("bank", "score v3 paused at 1024 of 3072"));
                    e.setRouteStop(true);
                });
            }
        });
        camel.start();
        runs.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void anExchangeStoppedForAPauseCountsAsPausedNotAsFailed() {
        send("direct:pause");

        RouteRuns.Run run = runs.of("bank-retrain");
        assertThat(run.outcome()).isEqualTo(RouteRuns.Outcome.PAUSED);
        assertThat(run.failures()).isZero();
        assertThat(run.pauses()).isEqualTo(1);
        assertThat(run.exchanges()).isEqualTo(1);
    }

    @Test
    void anExchangeThatTheComponentEndedQuietlyForAPauseCountsAsPausedWithItsReason() {
        send("direct:stopped");

        RouteRuns.Run run = runs.of("bank-score");
        assertThat(run.outcome()).isEqualTo(RouteRuns.Outcome.PAUSED);
        assertThat(run.reason()).isEqualTo("loop 'bank': score v3 paused at 1024 of 3072");
        assertThat(run.failures()).isZero();
        assertThat(run.pauses()).isEqualTo(1);
    }

    @Test
    void aFailedExchangeKeepsTheLoopsOwnMessageWithoutCamelsExchangeDumpAndTheWholeErrorAsDetail() {
        send("direct:fail");
        send("direct:ok");

        RouteRuns.Run failed = runs.of("bank-start");
        assertThat(failed.outcome()).isEqualTo(RouteRuns.Outcome.FAILED);
        assertThat(failed.reason()).isEqualTo("loop 'bank': score: the model file is missing");
        assertThat(failed.detail()).contains("the model file is missing");
        assertThat(runs.of("bank-refill").outcome()).isEqualTo(RouteRuns.Outcome.OK);
    }

    @Test
    void aLongReasonIsCutToOneShortLine() {
        String reason = RouteRuns.shortReason(new IllegalStateException("x".repeat(500) + "\nsecond line"));

        assertThat(reason).hasSize(RouteRuns.SHORT_REASON).endsWith("…").doesNotContain("\n");
    }

    private void send(String uri) {
        try {
            camel.createProducerTemplate().sendBody(uri, "go");
        } catch (RuntimeException expected) {
            // the route's error reaches the caller as well; the runs are what this test reads
        }
    }
}
