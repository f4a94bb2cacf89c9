package io.edgecoord.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorProcess;

/**
 * Not a test: runs the real coordinator (a separate JVM, Docker backend, embedded H2) for a given
 * time under a constant mixed load with a short retention, samples its resources, and judges
 * whether each series stays flat after warm-up (see {@link SoakTrend}). The load: 20 synchronous
 * and 10 asynchronous no-op Python calls a second, a fleet of 50 loopback HTTP devices polled
 * every second, and a cron subscription invoking a second task every 5 s. Arguments: minutes
 * (30), seconds between samples (60), output folder (target/soak: {@code soak.csv},
 * {@code soak.png}, {@code coordinator.log}, {@code data/}). Exits 1 when a series grows. See
 * docs/benchmarks.md.
 */
public final class SoakBenchmark {

    static final int SYNC_PER_SECOND = 20;
    static final int ASYNC_PER_SECOND = 10;
    static final int DEVICES = 50;
    static final String CRON = "*/5 * * * * *";
    static final String TASK = "soak-noop";
    static final String CRON_TASK = "soak-cron";

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int sampleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path out = Path.of(args.length > 2 ? args[2] : "target/soak").toAbsolutePath();
        Path data = out.resolve("data");
        if (Files.exists(data)) {
            throw new IllegalStateException(data + " exists: give the soak a fresh output folder");
        }
        Files.createDirectories(data);
        // Short enough that the retention window fills well within the warm-up (the first third).
        Duration retention = Duration.ofMinutes(Math.max(1, minutes / 10));
        System.out.printf("soak: %d min, a sample every %d s, retention %s, output %s%n", minutes, sampleSeconds,
                retention, out);
        boolean flat;
        try (SoakDevices devices = SoakDevices.start();
                CoordinatorProcess coordinator = CoordinatorProcess.start(data, out.resolve("coordinator.log"),
                        settings(retention))) {
            CoordinatorClient client = coordinator.client();
            setUp(client, devices);
            SoakProbe probe = new SoakProbe(coordinator.pid(), data, CoordinatorProcess.instanceOf(data), client);
            List<SoakSample> samples = run(client, devices, probe, minutes, sampleSeconds, out.resolve("soak.csv"));
            double warmUp = samples.getLast().seconds() / 3;
            Map<SoakSeries, SoakTrend> trends = judge(samples, warmUp);
            SoakPlot.write(samples, warmUp, trends, out.resolve("soak.png"));
            flat = trends.values().stream().allMatch(SoakTrend::flat);
            coordinator.terminate();
            coordinator.awaitExit(Duration.ofSeconds(60));
        }
        finally {
            removeContainers(data);
        }
        System.out.println(flat ? "SOAK PASS" : "SOAK FAIL");
        System.exit(flat ? 0 : 1);
    }

    private static String[] settings(Duration retention) {
        String age = retention.toSeconds() + "s";
        return new String[] { "--edgecoord.device.network.allow=127.0.0.0/8",
            "--edgecoord.storage.retention.records-max-age=" + age,
            "--edgecoord.storage.retention.logs-max-age=" + age,
            "--edgecoord.storage.retention.dead-letters-max-age=" + age,
            "--edgecoord.storage.retention.interval=10s",
            "--edgecoord.device.history.max-age=" + age,
            "--edgecoord.device.history.max-rows=" + DEVICES * retention.toSeconds(),
            "--edgecoord.device.history.cleanup-interval=10s" };
    }

    private static void setUp(CoordinatorClient client, SoakDevices devices) {
        String noop = CoordinatorClient.quote("def handle(event, context):\n    return event\n");
        created(client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"python3.11","handler":"noop.handle","code":{"inline":%s}}"""
                .formatted(TASK, noop)));
        created(client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"python3.11","handler":"noop.handle","code":{"inline":%s}}"""
                .formatted(CRON_TASK, noop)));
        created(client.postJson("/api/v1/subscriptions", """
                {"source":"schedule","schedule":"%s","target":"task:%s"}""".formatted(CRON, CRON_TASK)));
        created(client.postJson("/api/v1/device-profiles", """
                {"name":"soak-sensor","resources":[{"name":"temperature","valueType":"FLOAT64","readWrite":"R"}],
                 "defaults":{"pollInterval":"1s"}}"""));
        for (int i = 0; i < DEVICES; i++) {
            String name = "soak-" + i;
            created(client.postJson("/api/v1/devices", """
                    {"name":"%s","profile":"soak-sensor","polling":{"interval":"1s"},
                     "protocol":{"type":"http","baseUrl":"%s","linkId":"%s"}}"""
                    .formatted(name, devices.baseUrl(name), name)));
        }
    }

    private static List<SoakSample> run(CoordinatorClient client, SoakDevices devices, SoakProbe probe,
            int minutes, int sampleSeconds, Path csv) throws Exception {
        List<SoakSample> samples = new ArrayList<>();
        try (SoakLoad load = SoakLoad.start(client, TASK, SYNC_PER_SECOND, ASYNC_PER_SECOND);
                PrintWriter rows = new PrintWriter(Files.newBufferedWriter(csv))) {
            rows.println(SoakSample.csvHeader());
            System.out.println(SoakSample.csvHeader());
            long start = System.nanoTime();
            devices.takeServed();
            for (int k = 1; k <= minutes * 60 / sampleSeconds; k++) {
                long due = start + k * sampleSeconds * 1_000_000_000L;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                SoakLoad.Results window = load.nextWindow();
                int polls = devices.takeServed();
                long pause = System.nanoTime();
                probe.collectGarbage();
                load.excludePause(pause, System.nanoTime());
                Map<SoakSeries, Double> values = new EnumMap<>(probe.read());
                values.put(SoakSeries.SYNC_P50, window.syncP50());
                values.put(SoakSeries.SYNC_P99, window.syncP99());
                values.put(SoakSeries.ASYNC_P99, window.asyncP99());
                SoakSample sample = new SoakSample((System.nanoTime() - start) / 1e9, values, window.calls(),
                        window.errors(), window.excluded(), polls);
                samples.add(sample);
                rows.println(sample.csvRow());
                rows.flush();
                System.out.println(sample.csvRow());
            }
        }
        return samples;
    }

    private static Map<SoakSeries, SoakTrend> judge(List<SoakSample> samples, double warmUp) {
        List<SoakSample> measured = samples.stream().filter(s -> s.seconds() >= warmUp).toList();
        Map<SoakSeries, SoakTrend> trends = new EnumMap<>(SoakSeries.class);
        System.out.printf("%nafter warm-up (%.0f s), %d samples:%n", warmUp, measured.size());
        System.out.println("| series | mean | slope / min | growth over window | residual sd | allowed | verdict |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for (SoakSeries series : SoakSeries.values()) {
            List<SoakSample> finite = measured.stream().filter(s -> Double.isFinite(s.value(series))).toList();
            if (finite.size() < 2) {
                continue;
            }
            SoakTrend trend = SoakTrend.of(finite.stream().map(SoakSample::seconds).toList(),
                    finite.stream().map(s -> s.value(series)).toList(), series.resolution());
            trends.put(series, trend);
            System.out.printf("| %s (%s) | %.1f | %+.3f | %+.2f | %.2f | %.2f | %s |%n", series.label(),
                    series.unit().isEmpty() ? "count" : series.unit(), trend.mean(), trend.slopePerMinute(),
                    trend.growth(), trend.residualSd(), trend.allowed(), trend.flat() ? "PASS" : "FAIL");
        }
        int calls = samples.stream().filter(s -> s.seconds() >= warmUp).mapToInt(SoakSample::calls).sum();
        int errors = samples.stream().mapToInt(SoakSample::errors).sum();
        int excluded = samples.stream().mapToInt(SoakSample::excluded).sum();
        System.out.printf("calls answered after warm-up %d; in the whole run failed or not started %d, left out of"
                + " the p99s as in flight during the probe's forced GC %d%n", calls, errors, excluded);
        return trends;
    }

    private static void created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("set-up answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Whatever the coordinator left running (it may have been killed before it cleaned up). */
    private static void removeContainers(Path data) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter",
                "label=edgecoord.instance=" + CoordinatorProcess.instanceOf(data)).start();
        List<String> ids = new String(ps.getInputStream().readAllBytes()).lines().toList();
        ps.waitFor();
        if (!ids.isEmpty()) {
            System.out.println(ids.size() + " container(s) left behind after the coordinator stopped; removing them");
            List<String> command = new ArrayList<>(List.of("docker", "rm", "-f"));
            command.addAll(ids);
            new ProcessBuilder(command).inheritIO().start().waitFor();
        }
    }
}
