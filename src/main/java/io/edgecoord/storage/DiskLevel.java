package io.edgecoord.storage;

/** How close the data dir is to its disk budget, from the last sample. */
public enum DiskLevel {

    /** Within the budget: nothing to do. */
    OK,

    /** Past the low watermark: the oldest ended records and logs go early; work is still taken. */
    LOW,

    /** Past the critical watermark: new work is refused until space returns. */
    CRITICAL
}
