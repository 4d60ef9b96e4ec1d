package io.labelloop.loop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.labelloop.stopping.Forecast;
import io.labelloop.stopping.KappaStep;
import io.labelloop.stopping.WhenToStop;

class StoppingTextTest {

    private static final String RULE = "stop when ...";

    @Test
    void withoutEnoughVersionsTheDashboardSaysWhatIsMissingInsteadOfAFigure() {
        WhenToStop early = new WhenToStop("l", 2, List.of(), null, null, 1_000,
                List.of(new KappaStep("v1", "v2", 0.9, 1_000)), null, WhenToStop.Signal.TOO_FEW_VERSIONS, 3, 0.99, RULE);

        assertThat(StoppingText.forecastValue(early, 100)).isEqualTo("–");
        assertThat(StoppingText.forecastCaption(early, 100))
                .isEqualTo("Forecast +100 labels: needs 3 trained versions with different label counts (2 so far)");
        assertThat(StoppingText.signalValue(early)).isEqualTo("Not yet");
        assertThat(StoppingText.signalCaption(early))
                .isEqualTo("Stopping signal: needs 3 version-to-version comparisons (1 so far)");
        WhenToStop unscored = new WhenToStop("l", 0, List.of(), null, null, 0, List.of(), null,
                WhenToStop.Signal.TOO_FEW_VERSIONS, 3, 0.99, RULE);
        assertThat(StoppingText.explanation(unscored)).contains("a fixed sample of the pool, drawn at the loop's first score");
    }

    @Test
    void aForecastReadsAsAPercentageWithTheLabelCountAndItsInterval() {
        WhenToStop settled = new WhenToStop("l", 6, List.of(new Forecast(100, 350, 0.9314, 0.9102, 0.9449),
                new Forecast(500, 750, 0.95, 0.92, 0.97)), 0.962, 0.4, 1_000, List.of(), 0.9953,
                WhenToStop.Signal.STOP, 3, 0.99, RULE);

        assertThat(StoppingText.forecastValue(settled, 100)).isEqualTo("93.1%");
        assertThat(StoppingText.forecastCaption(settled, 100))
                .isEqualTo("Forecast at 350 labels (+100), 95% interval 91.0–94.5%");
        assertThat(StoppingText.signalValue(settled)).isEqualTo("Stop");
        assertThat(StoppingText.signalCaption(settled))
                .isEqualTo("Stopping signal: mean kappa of the last 3 comparisons 0.995 (stop at >= 0.99)");
        assertThat(StoppingText.explanation(settled)).contains("6 trained versions").contains("levels off at 96.2%")
                .contains("on 1000 fixed pool records").endsWith(RULE + ".");
    }
}
