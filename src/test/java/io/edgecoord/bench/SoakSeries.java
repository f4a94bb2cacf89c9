package io.edgecoord.bench;

/**
 * The series the soak samples and judges, each with its unit and the smallest growth that counts
 * (its resolution: one thread, one container, a megabyte, a millisecond), so that a series that
 * never moves but once by one unit is not called a leak.
 */
enum SoakSeries {

    HEAP("heap after GC", "MB", 1),
    RSS("RSS", "MB", 1),
    THREADS("live threads", "", 1),
    OPEN_FILES("open files", "", 1),
    CONTAINERS("live containers", "", 1),
    DATA_DIR("data dir", "MB", 1),
    DATABASE("database file", "MB", 1),
    QUEUE("queue depth", "", 1),
    SYNC_P50("sync invoke p50", "ms", 1),
    SYNC_P99("sync invoke p99", "ms", 1),
    ASYNC_P99("async accept p99", "ms", 1);

    private final String label;
    private final String unit;
    private final double resolution;

    SoakSeries(String label, String unit, double resolution) {
        this.label = label;
        this.unit = unit;
        this.resolution = resolution;
    }

    String label() {
        return label;
    }

    String unit() {
        return unit;
    }

    double resolution() {
        return resolution;
    }

    /** The CSV column: the label in snake case, with its unit. */
    String column() {
        return label.replace(' ', '_') + (unit.isEmpty() ? "" : "_" + unit.toLowerCase());
    }
}
