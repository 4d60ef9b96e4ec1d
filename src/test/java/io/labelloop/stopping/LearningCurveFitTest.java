package io.labelloop.stopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LearningCurveFitTest {

    private static final int EVAL_RECORDS = 2_000;

    private static double known(long n) {
        return 0.95 - 0.6 * Math.pow(n, -0.5);
    }

    private static List<CurvePoint> knownCurve(double noise) {
        return LongStream.rangeClosed(1, 8).map(i -> 50 * i)
                .mapToObj(n -> new CurvePoint(n, known(n) + (n % 100 == 0 ? noise : -noise), EVAL_RECORDS)).toList();
    }

    @Test
    void pointsOnAKnownInversePowerLawGiveBackItsParametersAndItsValueFurtherOn() {
        LearningCurveFit fit = LearningCurveFit.of(knownCurve(0)).orElseThrow();

        assertThat(fit.asymptote()).isCloseTo(0.95, within(0.005));
        assertThat(fit.exponent()).isCloseTo(0.5, within(0.03));
        Forecast ahead = fit.forecast(100);
        assertThat(ahead.atLabels()).isEqualTo(500);
        assertThat(ahead.accuracy()).isCloseTo(known(500), within(0.001));
        assertThat(ahead.low()).isLessThanOrEqualTo(ahead.accuracy());
        assertThat(ahead.high()).isGreaterThanOrEqualTo(ahead.accuracy());
    }

    @Test
    void noisyPointsGiveAWiderIntervalThanPointsOnTheCurve() {
        Forecast exact = LearningCurveFit.of(knownCurve(0)).orElseThrow().forecast(100);
        Forecast noisy = LearningCurveFit.of(knownCurve(0.02)).orElseThrow().forecast(100);

        assertThat(noisy.high() - noisy.low()).isGreaterThan(2 * (exact.high() - exact.low()));
    }

    @Test
    void theIntervalWidensTheFurtherAheadTheForecastReaches() {
        LearningCurveFit fit = LearningCurveFit.of(knownCurve(0.01)).orElseThrow();

        Forecast near = fit.forecast(100);
        Forecast far = fit.forecast(5_000);

        assertThat(far.high() - far.low()).isGreaterThan(near.high() - near.low());
    }

    @Test
    void theSamePointsAlwaysGiveTheSameInterval() {
        Forecast first = LearningCurveFit.of(knownCurve(0.01)).orElseThrow().forecast(500);
        Forecast again = LearningCurveFit.of(knownCurve(0.01)).orElseThrow().forecast(500);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void fewerThanThreeDistinctLabelCountsGiveNoForecast() {
        assertThat(LearningCurveFit.of(List.of())).isEmpty();
        assertThat(LearningCurveFit.of(List.of(new CurvePoint(50, 0.8, 100), new CurvePoint(100, 0.85, 100))))
                .isEmpty();
        assertThat(LearningCurveFit.of(List.of(new CurvePoint(50, 0.8, 100), new CurvePoint(100, 0.85, 100),
                new CurvePoint(100, 0.86, 100)))).isEmpty();
        assertThat(LearningCurveFit.of(List.of(new CurvePoint(50, 0.8, 100), new CurvePoint(100, 0.85, 100),
                new CurvePoint(150, 0.86, 100)))).isPresent();
    }

    @Test
    void aSteepClimbIsCappedAtAnAccuracyOfOne() {
        LearningCurveFit fit = LearningCurveFit.of(List.of(new CurvePoint(100, 0.5, 0), new CurvePoint(200, 0.8, 0),
                new CurvePoint(300, 0.99, 0))).orElseThrow();

        assertThat(fit.asymptote()).isLessThanOrEqualTo(1.0);
        assertThat(fit.forecast(10_000).high()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void fallingAccuracyIsForecastFlatAtTheMeanNotFallingFurther() {
        LearningCurveFit fit = LearningCurveFit.of(List.of(new CurvePoint(100, 0.9, 500), new CurvePoint(200, 0.88, 500),
                new CurvePoint(300, 0.86, 500))).orElseThrow();

        assertThat(fit.scale()).isZero();
        assertThat(fit.forecast(500).accuracy()).isCloseTo(0.88, within(1e-9));
    }

    @Test
    void aPointWithoutLabelsIsRefusedBecauseTheCurveIsNotDefinedAtZero() {
        assertThatThrownBy(() -> LearningCurveFit.of(List.of(new CurvePoint(0, 0.88, 100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels > 0");
    }
}
