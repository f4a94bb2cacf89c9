package io.edgecoord.storage;

/**
 * The disk budget as other modules see it: where the data dir stands, and a check that refuses
 * new work past the critical watermark. Cheap: it reads the last sample, never the disk.
 */
public interface DiskSpace {

    /** The level of the last sample. */
    DiskLevel level();

    /**
     * Refuses new work past the critical watermark.
     *
     * @param forWhat what is refused, for the problem's detail ("new invocations")
     * @throws DiskFullException when the last sample was critical
     */
    void requireRoom(String forWhat);
}
