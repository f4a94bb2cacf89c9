package io.edgecoord.storage;

/**
 * The disk budget's decision: which {@link DiskLevel} a sample is at. A pure function of the
 * settings and the sample. Two rules, the worse wins: the data dir against its most size (low at
 * {@code lowShare} of it, critical at all of it), and the volume's free space against its two
 * watermarks (shares of the volume).
 *
 * @param maxSize the most bytes the data dir may take
 * @param lowShare the share of {@code maxSize} past which the level is low
 * @param lowFreeShare free space below this share of the volume is low
 * @param criticalFreeShare free space below this share of the volume is critical
 */
record DiskBudget(long maxSize, double lowShare, double lowFreeShare, double criticalFreeShare) {

    /** The budget the settings give on a volume of {@code totalBytes}. */
    static DiskBudget of(StorageProperties.Disk disk, long totalBytes) {
        long maxSize = disk.maxSize() != null && disk.maxSize().toBytes() > 0 ? disk.maxSize().toBytes()
                : (long) (totalBytes * disk.maxShare());
        return new DiskBudget(maxSize, disk.lowShare(), disk.lowFreeShare(), disk.criticalFreeShare());
    }

    DiskLevel level(DiskUsage usage) {
        if (usage.dataDirBytes() >= maxSize || usage.freeBytes() < usage.totalBytes() * criticalFreeShare) {
            return DiskLevel.CRITICAL;
        }
        if (usage.dataDirBytes() >= maxSize * lowShare || usage.freeBytes() < usage.totalBytes() * lowFreeShare) {
            return DiskLevel.LOW;
        }
        return DiskLevel.OK;
    }

    /** Why {@code usage} is at its level, in words an operator reads in a problem or in health. */
    String reason(DiskUsage usage) {
        return "the data dir takes " + mb(usage.dataDirBytes()) + " of its " + mb(maxSize) + " budget and "
                + mb(usage.freeBytes()) + " of the volume's " + mb(usage.totalBytes()) + " are free";
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
