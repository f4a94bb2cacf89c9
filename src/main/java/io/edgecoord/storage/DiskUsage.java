package io.edgecoord.storage;

/**
 * One sample of the disk under the data dir.
 *
 * @param dataDirBytes what the files under the data dir take
 * @param freeBytes what the volume still has for this process
 * @param totalBytes the volume's size
 */
record DiskUsage(long dataDirBytes, long freeBytes, long totalBytes) {
}
