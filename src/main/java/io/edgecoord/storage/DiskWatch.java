package io.edgecoord.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ScheduledFuture;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Samples the disk under the data dir every {@code disk.sample-interval} on a thread of its own
 * (the size of the files under it, the volume's free space) and keeps the level the budget gives,
 * so that the checks on the hot path read a field, never the disk. Gauges
 * {@code edgecoord.storage.data-dir.size}, {@code edgecoord.storage.volume.free} and
 * {@code edgecoord.storage.disk.level} (0 ok, 1 low, 2 critical).
 */
class DiskWatch implements DiskSpace, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DiskWatch.class);

    private final Path dataDir;
    private final StorageProperties.Disk settings;
    private final Runnable onPressure;
    private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
    private volatile Sample last;
    /** The data dir's size after the last purge under pressure; -1 when not under pressure. */
    private long sizeAfterPurge = -1;
    private ScheduledFuture<?> samples;

    /** One sample and what the budget made of it. */
    record Sample(DiskUsage usage, DiskBudget budget, DiskLevel level) {

        String reason() {
            return budget.reason(usage);
        }
    }

    /**
     * @param onPressure purges old records early: runs on the first sample past the low watermark,
     *     then again only on a sample that finds the data dir grown since (its database has used up
     *     the space the last purge freed inside its file, which a database does not give back to the
     *     volume), so that pressure from outside the data dir does not purge every record
     */
    DiskWatch(Path dataDir, StorageProperties.Disk settings, MeterRegistry meters, Runnable onPressure) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.settings = settings;
        this.onPressure = onPressure;
        scheduler.setThreadNamePrefix("disk-watch-");
        scheduler.setVirtualThreads(true);
        Gauge.builder("edgecoord.storage.data-dir.size", this, watch -> watch.last().usage().dataDirBytes())
                .description("Bytes the files under the data dir take").baseUnit("bytes").register(meters);
        Gauge.builder("edgecoord.storage.volume.free", this, watch -> watch.last().usage().freeBytes())
                .description("Free bytes on the data dir's volume").baseUnit("bytes").register(meters);
        Gauge.builder("edgecoord.storage.disk.level", this, watch -> watch.last().level().ordinal())
                .description("The disk budget's level: 0 ok, 1 low (old records go early), 2 critical (new work refused)")
                .register(meters);
    }

    @Override
    public void afterPropertiesSet() {
        sample();
        samples = scheduler.scheduleWithFixedDelay(this::sampleSafely, settings.sampleInterval());
    }

    @Override
    public DiskLevel level() {
        return last().level();
    }

    @Override
    public void requireRoom(String forWhat) {
        Sample sample = last();
        if (sample.level() == DiskLevel.CRITICAL) {
            throw new DiskFullException(forWhat, sample.reason());
        }
    }

    /** The last sample. */
    Sample last() {
        return last;
    }

    /** Takes a sample now; logs each change of level. */
    Sample sample() {
        DiskUsage usage = measure();
        DiskBudget budget = DiskBudget.of(settings, usage.totalBytes());
        Sample sample = new Sample(usage, budget, budget.level(usage));
        Sample before = last;
        last = sample;
        if (before != null && before.level() != sample.level()) {
            if (sample.level() == DiskLevel.OK) {
                log.info("Disk budget back to OK: {}", sample.reason());
            }
            else {
                log.warn("Disk budget {}: {}{}", sample.level(), sample.reason(),
                        sample.level() == DiskLevel.CRITICAL ? "; new work is refused" : "; old records go early");
            }
        }
        return sample;
    }

    private DiskUsage measure() {
        try {
            Files.createDirectories(dataDir);
            FileStore volume = Files.getFileStore(dataDir);
            return new DiskUsage(sizeOf(dataDir), volume.getUsableSpace(), volume.getTotalSpace());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes the regular files under {@code root} take; files that vanish while walked count nothing. */
    static long sizeOf(Path root) throws IOException {
        long[] total = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                total[0] += attributes.isRegularFile() ? attributes.size() : 0;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
        return total[0];
    }

    private void sampleSafely() {
        try {
            Sample sample = sample();
            if (sample.level() == DiskLevel.OK) {
                sizeAfterPurge = -1;
            }
            else if (sample.usage().dataDirBytes() > sizeAfterPurge) {
                onPressure.run();
                sizeAfterPurge = sample().usage().dataDirBytes();
            }
        }
        catch (RuntimeException e) {
            // The last sample stands; the next one tries again.
            log.warn("Could not measure the data dir {}: {}", dataDir, e.toString());
        }
    }

    @Override
    public void destroy() {
        if (samples != null) {
            samples.cancel(false);
        }
        scheduler.close();
    }
}
