package io.edgecoord.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * One sample of the soak: the seconds since the load started, a value of every series, and the
 * load the window carried (calls answered, calls that failed, calls left out of the p99s as in
 * flight during the probe's forced GC, device polls served).
 */
record SoakSample(double seconds, Map<SoakSeries, Double> values, int calls, int errors, int excluded,
        int devicePolls) {

    SoakSample {
        values = new EnumMap<>(values);
    }

    double value(SoakSeries series) {
        return values.getOrDefault(series, Double.NaN);
    }

    static String csvHeader() {
        StringBuilder header = new StringBuilder("seconds");
        for (SoakSeries series : SoakSeries.values()) {
            header.append(',').append(series.column());
        }
        return header.append(",calls,errors,excluded,device_polls").toString();
    }

    String csvRow() {
        StringBuilder row = new StringBuilder(String.format("%.0f", seconds));
        for (SoakSeries series : SoakSeries.values()) {
            row.append(',').append(String.format("%.2f", value(series)));
        }
        return row.append(',').append(calls).append(',').append(errors).append(',').append(excluded)
                .append(',').append(devicePolls).toString();
    }
}
