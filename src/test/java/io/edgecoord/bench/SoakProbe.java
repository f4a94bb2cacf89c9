package io.edgecoord.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import io.edgecoord.support.CoordinatorClient;

/**
 * Reads the resource figures of a coordinator running as process {@code pid} on {@code dataDir}:
 * heap after a full GC (forced with {@code jcmd <pid> GC.run}, then the heap pools' used bytes
 * from {@code /actuator/prometheus}, since the live-data gauge moves only after an old-generation
 * collection), live threads, open files and queue depth from the same scrape, RSS from
 * {@code /proc/<pid>/status}, its live containers from the engine by its instance label, and the
 * bytes of its data dir and of its H2 files.
 */
final class SoakProbe {

    private static final double MB = 1024 * 1024;

    private final long pid;
    private final Path dataDir;
    private final String instance;
    private final CoordinatorClient client;

    SoakProbe(long pid, Path dataDir, String instance, CoordinatorClient client) {
        this.pid = pid;
        this.dataDir = dataDir;
        this.instance = instance;
        this.client = client;
    }

    /** A full GC in the coordinator ({@code jcmd <pid> GC.run}), so that {@link #read} sees the live heap. */
    void collectGarbage() throws IOException, InterruptedException {
        run(jcmd(), Long.toString(pid), "GC.run");
    }

    /** The figures now; call {@link #collectGarbage} first for the heap after GC. */
    Map<SoakSeries, Double> read() throws IOException, InterruptedException {
        String scrape = client.get("/actuator/prometheus").body();
        Map<SoakSeries, Double> values = new EnumMap<>(SoakSeries.class);
        values.put(SoakSeries.HEAP, sum(scrape, "jvm_memory_used_bytes{area=\"heap\"") / MB);
        values.put(SoakSeries.RSS, rssKb() / 1024);
        values.put(SoakSeries.THREADS, sum(scrape, "jvm_threads_live_threads"));
        values.put(SoakSeries.OPEN_FILES, sum(scrape, "process_files_open_files"));
        values.put(SoakSeries.CONTAINERS, (double) run("docker", "ps", "-q", "--filter",
                "label=edgecoord.instance=" + instance).lines().count());
        values.put(SoakSeries.DATA_DIR, bytes(dataDir, "") / MB);
        values.put(SoakSeries.DATABASE, bytes(dataDir.resolve("db"), ".mv.db") / MB);
        values.put(SoakSeries.QUEUE, sum(scrape, "edgecoord_queue_depth"));
        return values;
    }

    /** The sum of the samples whose line starts with {@code prefix} (a name, or a name and its first labels). */
    static double sum(String scrape, String prefix) {
        return scrape.lines()
                .filter(line -> line.startsWith(prefix)
                        && (prefix.contains("{") || line.length() > prefix.length()
                                && (line.charAt(prefix.length()) == '{' || line.charAt(prefix.length()) == ' ')))
                .mapToDouble(SoakProbe::value)
                .sum();
    }

    /** The value of an exposition line: the first field after the name and its labels (a timestamp may follow). */
    private static double value(String line) {
        int labels = line.lastIndexOf('}');
        String rest = labels >= 0 ? line.substring(labels + 1) : line.substring(line.indexOf(' '));
        return Double.parseDouble(rest.trim().split(" ")[0]);
    }

    private double rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(Double.NaN);
    }

    /** Bytes of the regular files under {@code root} whose name ends with {@code suffix}; files gone meanwhile count 0. */
    private static double bytes(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .mapToLong(SoakProbe::size).sum();
        }
        catch (UncheckedIOException vanished) {
            return bytes(root, suffix);
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        }
        catch (IOException gone) {
            return 0;
        }
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
