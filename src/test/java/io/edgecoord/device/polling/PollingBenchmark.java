package io.edgecoord.device.polling;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.DeviceFixtures;
import io.edgecoord.device.DeviceSimulator;
import io.edgecoord.device.polling.DeviceProperties;

/**
 * Not a test: polls many simulated devices with the real poller, then does the same HTTP calls
 * from a bare loop of virtual threads (one per device, sleeping to the same grid), against the
 * same loopback simulator in the same JVM, and prints polls/s, schedule lag p50/p99 and CPU use.
 * Arguments: devices (10000), interval seconds (5), seconds per run (60). See docs/benchmarks.md.
 */
final class PollingBenchmark {

    private PollingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
        Duration interval = Duration.ofSeconds((args.length > 1) ? Long.parseLong(args[1]) : 5);
        Duration run = Duration.ofSeconds((args.length > 2) ? Long.parseLong(args[2]) : 60);
        System.out.printf("%d devices, interval %s, %s per run, %d processors%n", devices, interval, run,
                Runtime.getRuntime().availableProcessors());
        try (DeviceSimulator simulator = DeviceSimulator.startWithoutRecording()) {
            for (int i = 0; i < devices; i++) {
                simulator.device(name(i)).value("temperature", 215);
            }
            // A short untimed round of each first, so that neither pays for the JIT and the first connections.
            Duration warmUp = interval.multipliedBy(2);
            report("warm-up: poller", poller(simulator, devices, interval, warmUp));
            report("warm-up: bare loop", bareLoop(simulator, devices, interval, warmUp));
            report("edgecoord poller", poller(simulator, devices, interval, run));
            report("bare virtual-thread loop", bareLoop(simulator, devices, interval, run));
        }
        System.exit(0);
    }

    private static Result poller(DeviceSimulator simulator, int devices, Duration interval, Duration run)
            throws InterruptedException {
        SimpleMeterRegistry meters = meters();
        DeviceProperties defaults = DeviceFixtures.allowingLoopback(DeviceProperties.defaults());
        DeviceRuntime runtime = DeviceConfiguration.build(defaults, JsonMapper.builder().build(), meters, (event) -> {
        }, Clock.systemUTC());
        Cpu cpu = Cpu.start();
        for (int i = 0; i < devices; i++) {
            runtime.apply(null, DeviceFixtures.polled(name(i), simulator.baseUrl(name(i)), "link-" + i, interval,
                    Duration.ofSeconds(2)));
        }
        Thread.sleep(run);
        Cpu used = cpu.stop();
        runtime.close();
        return pollerResult(meters, used);
    }

    /** What the poller's meters counted in a run, as a result to report. */
    static Result pollerResult(SimpleMeterRegistry meters, Cpu used) {
        double ok = meters.get("edgecoord.device.polls").tag("result", "success").counter().count();
        double failed = meters.get("edgecoord.device.polls").tags("result", "failure").counter().count()
                + meters.get("edgecoord.device.polls").tags("result", "timeout").counter().count();
        double skipped = 0;
        for (io.micrometer.core.instrument.Counter counter : meters.find("edgecoord.device.polls").counters()) {
            String tag = counter.getId().getTag("result");
            if ((tag.startsWith("skipped") || "missed".equals(tag)) && counter.count() > 0) {
                System.out.printf("  %s: %.0f%n", tag, counter.count());
                skipped += counter.count();
            }
        }
        Timer lag = meters.get("edgecoord.device.poll.schedule.lag").tag("lane", "normal").timer();
        return new Result((long) ok, (long) failed, (long) skipped, lag, used);
    }

    private static Result bareLoop(DeviceSimulator simulator, int devices, Duration interval, Duration run)
            throws InterruptedException {
        SimpleMeterRegistry meters = meters();
        Timer lag = Timer.builder("bare.lag").register(meters);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(2)).build();
        JsonMapper json = JsonMapper.builder().build();
        long period = interval.toNanos();
        Cpu cpu = Cpu.start();
        long start = System.nanoTime();
        long end = start + run.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < devices; i++) {
                URI uri = URI.create(simulator.baseUrl(name(i)) + "/temperature");
                long first = start + PollTiming.offset(name(i), period);
                threads.execute(() -> {
                    try {
                        for (long next = first; next < end; next += period) {
                            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                            lag.record(Duration.ofNanos(System.nanoTime() - next));
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                            json.readTree(response.body()).get("value").doubleValue();
                            ok.incrementAndGet();
                        }
                    }
                    catch (Exception ex) {
                        failed.incrementAndGet();
                    }
                });
            }
        }
        Cpu used = cpu.stop();
        http.close();
        return new Result(ok.get(), failed.get(), 0, lag, used);
    }

    static SimpleMeterRegistry meters() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(io.micrometer.core.instrument.Meter.Id id,
                    DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.99).build().merge(config);
            }
        });
        return meters;
    }

    static void report(String name, Result result) {
        ValueAtPercentile[] percentiles = result.lag().takeSnapshot().percentileValues();
        System.out.printf("%-26s polls/s %8.1f  failed %d  skipped/missed %d  lag p50 %7.2f ms  p99 %7.2f ms  "
                + "CPU %.2f cores (%.0f %% of the machine)%n", name, result.ok() / result.cpu().wallSeconds(),
                result.failed(), result.skipped(), percentiles[0].value(TimeUnit.MILLISECONDS),
                percentiles[1].value(TimeUnit.MILLISECONDS), result.cpu().cores(),
                100 * result.cpu().cores() / Runtime.getRuntime().availableProcessors());
    }

    private static String name(int i) {
        return String.format("bench-%05d", i);
    }

    record Result(long ok, long failed, long skipped, Timer lag, Cpu cpu) {
    }

    /** Process CPU time over wall time; the simulator shares the process, so both runs include it. */
    record Cpu(long cpuNanos, long wallNanos) {

        static Cpu start() {
            return new Cpu(os().getProcessCpuTime(), System.nanoTime());
        }

        Cpu stop() {
            return new Cpu(os().getProcessCpuTime() - this.cpuNanos, System.nanoTime() - this.wallNanos);
        }

        double wallSeconds() {
            return this.wallNanos / 1e9;
        }

        double cores() {
            return (double) this.cpuNanos / this.wallNanos;
        }

        private static OperatingSystemMXBean os() {
            return (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        }
    }
}
