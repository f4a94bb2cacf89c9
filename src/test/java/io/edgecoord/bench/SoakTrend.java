package io.edgecoord.bench;

import java.util.List;

/**
 * The verdict on one series after warm-up: a least-squares line through the samples, the growth
 * it projects over the measured window, and whether that growth is within the noise.
 *
 * <p>Flat when the projected growth is at most the largest of: twice the standard deviation of
 * the residuals (for white noise of deviation σ over n samples the fitted growth has a standard
 * error of about σ·√(12/n), so 2σ is about 2.6 standard errors at n = 20: random wobble rarely
 * crosses it, while a steady leak, whose residuals are small, does); 5 % of the mean (a smooth
 * series such as a thread count that steps once by a thread or two); and the series' resolution.
 * A shrinking series is flat.
 *
 * @param mean the mean after warm-up
 * @param slopePerMinute the fitted slope, in the series' unit per minute
 * @param growth the slope times the measured window (last minus first sample time)
 * @param residualSd the standard deviation of the residuals around the line
 * @param allowed the growth up to which the series counts as flat
 */
record SoakTrend(double mean, double slopePerMinute, double growth, double residualSd, double allowed) {

    static final double SIGMAS = 2;
    static final double SHARE_OF_MEAN = 0.05;

    boolean flat() {
        return growth <= allowed;
    }

    /** The trend of {@code values} at {@code seconds} (same length, at least two distinct times). */
    static SoakTrend of(List<Double> seconds, List<Double> values, double resolution) {
        int n = seconds.size();
        double meanT = seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanV = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (seconds.get(i) - meanT) * (values.get(i) - meanV);
            sxx += (seconds.get(i) - meanT) * (seconds.get(i) - meanT);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double residual = values.get(i) - (meanV + slope * (seconds.get(i) - meanT));
            squares += residual * residual;
        }
        double residualSd = n > 2 ? Math.sqrt(squares / (n - 2)) : 0;
        double growth = slope * (seconds.get(n - 1) - seconds.get(0));
        double allowed = Math.max(SIGMAS * residualSd, Math.max(SHARE_OF_MEAN * Math.abs(meanV), resolution));
        return new SoakTrend(meanV, slope * 60, growth, residualSd, allowed);
    }
}
