package io.labelloop.stopping;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * An inverse power law {@code acc(n) = a - b * n^(-c)} fitted by least squares to a loop's measured points (labels
 * trained on, held-out accuracy), the usual model for extrapolating learning curves. The fit tries every exponent
 * {@code c} on a grid and solves {@code a, b} by linear least squares for each, with {@code a <= 1} (no accuracy
 * above 1) and {@code b >= 0} (accuracy does not fall with more labels).
 *
 * <p>The uncertainty is a parametric bootstrap: {@value #BOOTSTRAP_SAMPLES} synthetic sets of points are drawn
 * around the fitted curve, each point with a normal error whose variance is the larger of the fit's residual
 * variance ({@code SSE / (m - 3)}, only when there are more than 3 points) and the point's binomial sampling variance
 * ({@code p (1 - p) / evalCount}); each set is refitted and the forecast's interval is the 2.5th to 97.5th
 * percentile of the refitted curves' values. It is an interval for the curve, not for one future measurement (which
 * adds its own eval-set noise). The bootstrap is seeded, so the same points always give the same interval.
 */
public final class LearningCurveFit {

    /** Fewer distinct label counts than this leave three parameters undetermined: no forecast. */
    public static final int MIN_POINTS = 3;
    static final int BOOTSTRAP_SAMPLES = 200;
    private static final long BOOTSTRAP_SEED = 20_091_101L;
    private static final double C_MIN = 0.02;
    private static final double C_STEP = 0.02;
    private static final int C_STEPS = 100;
    private static final double LOW_PERCENTILE = 0.025;
    private static final double HIGH_PERCENTILE = 0.975;

    private final long[] labels;
    private final double[] sigmas;
    /** {@code powers[k][i] = labels[i]^(-c_k)}: the same for every bootstrap refit, so computed once. */
    private final double[][] powers;
    private final Curve curve;

    private LearningCurveFit(List<CurvePoint> points) {
        this.labels = points.stream().mapToLong(CurvePoint::labels).toArray();
        this.powers = new double[C_STEPS][labels.length];
        for (int k = 0; k < C_STEPS; k++) {
            for (int i = 0; i < labels.length; i++) {
                powers[k][i] = Math.pow(labels[i], -exponentAt(k));
            }
        }
        double[] accuracies = points.stream().mapToDouble(CurvePoint::accuracy).toArray();
        this.curve = fit(accuracies);
        double residual = points.size() > MIN_POINTS ? curve.sse(labels, accuracies) / (points.size() - MIN_POINTS) : 0;
        this.sigmas = points.stream().mapToDouble(p -> Math.sqrt(Math.max(residual, p.samplingVariance()))).toArray();
    }

    /**
     * The fit to these points, or empty when they hold fewer than {@value #MIN_POINTS} distinct label counts.
     *
     * @throws IllegalArgumentException if a point has no labels (the curve is not defined at 0)
     */
    public static Optional<LearningCurveFit> of(List<CurvePoint> points) {
        if (points.stream().anyMatch(p -> p.labels() <= 0)) {
            throw new IllegalArgumentException("learning-curve points need labels > 0: " + points);
        }
        long distinct = points.stream().mapToLong(CurvePoint::labels).distinct().count();
        return distinct < MIN_POINTS ? Optional.empty() : Optional.of(new LearningCurveFit(List.copyOf(points)));
    }

    /** The asymptote {@code a}: the accuracy the curve approaches with unlimited labels. */
    public double asymptote() {
        return curve.a;
    }

    /** The scale {@code b}. */
    public double scale() {
        return curve.b;
    }

    /** The exponent {@code c}: how fast the curve approaches its asymptote. */
    public double exponent() {
        return curve.c;
    }

    /** The fitted curve's accuracy at {@code n} labels. */
    public double accuracyAt(long n) {
        return curve.at(n);
    }

    /** The forecast {@code ahead} labels beyond the points' largest label count. */
    public Forecast forecast(long ahead) {
        return forecastAt(Arrays.stream(labels).max().orElseThrow() + ahead);
    }

    /** The forecast at {@code n} labels, with its bootstrap interval. */
    public Forecast forecastAt(long n) {
        double[] fitted = Arrays.stream(labels).mapToDouble(curve::at).toArray();
        Random random = new Random(BOOTSTRAP_SEED);
        double[] values = new double[BOOTSTRAP_SAMPLES];
        double[] synthetic = new double[labels.length];
        for (int s = 0; s < BOOTSTRAP_SAMPLES; s++) {
            for (int i = 0; i < labels.length; i++) {
                synthetic[i] = Math.min(1, Math.max(0, fitted[i] + sigmas[i] * random.nextGaussian()));
            }
            values[s] = fit(synthetic).at(n);
        }
        Arrays.sort(values);
        long last = Arrays.stream(labels).max().orElseThrow();
        return new Forecast(n - last, n, curve.at(n), percentile(values, LOW_PERCENTILE),
                percentile(values, HIGH_PERCENTILE));
    }

    private Curve fit(double[] y) {
        Curve best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int k = 0; k < C_STEPS; k++) {
            double[] x = powers[k];
            Curve candidate = fitAt(exponentAt(k), x, y);
            double sse = candidate.sse(x, y);
            if (sse < bestSse) {
                best = candidate;
                bestSse = sse;
            }
        }
        return best;
    }

    private static double exponentAt(int k) {
        return C_MIN + k * C_STEP;
    }

    /** Least squares of {@code a, b} for a fixed {@code c}: a straight line in {@code x = n^-c}, then the bounds. */
    private static Curve fitAt(double c, double[] x, double[] y) {
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        double b = sxx > 0 ? -sxy / sxx : 0;
        if (b < 0) {
            return new Curve(meanY, 0, c);
        }
        double a = meanY + b * meanX;
        return a <= 1 ? new Curve(a, b, c) : new Curve(1, scaleBelowOne(x, y), c);
    }

    /** With {@code a} held at 1, the least-squares {@code b} of {@code 1 - y = b x}; never negative as y <= 1. */
    private static double scaleBelowOne(double[] x, double[] y) {
        double sxx = 0;
        double sxr = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += x[i] * x[i];
            sxr += x[i] * (1 - y[i]);
        }
        return sxx > 0 ? sxr / sxx : 0;
    }

    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private record Curve(double a, double b, double c) {

        double at(long n) {
            return a - b * Math.pow(n, -c);
        }

        /** Squared error against {@code y} at the points whose {@code n^-c} are {@code x}. */
        double sse(double[] x, double[] y) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double r = y[i] - (a - b * x[i]);
                sum += r * r;
            }
            return sum;
        }

        double sse(long[] n, double[] y) {
            return sse(Arrays.stream(n).mapToDouble(v -> Math.pow(v, -c)).toArray(), y);
        }
    }
}
