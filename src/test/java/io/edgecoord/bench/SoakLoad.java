package io.edgecoord.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.edgecoord.support.CoordinatorClient;

/**
 * A constant open-loop load on a task: synchronous invokes and asynchronous ones
 * ({@code Prefer: respond-async}) started at fixed rates, each on a virtual thread of its own, so
 * that a coordinator that slows down meets the same arrival rate rather than a politely waiting
 * client. At most {@link #MAX_IN_FLIGHT} calls are open at once; a call that would pass it is
 * counted as an error instead of piling up. Latencies are kept per sample window; calls in flight
 * during a pause the benchmark caused itself (its forced GC, {@link #excludePause}) are left out
 * of the percentiles and counted apart, so that the p99 is the coordinator's, not the probe's.
 */
final class SoakLoad implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 200;

    private final CoordinatorClient client;
    private final String task;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Window sync = new Window();
    private final Window async = new Window();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger reported = new AtomicInteger();
    private final List<long[]> pauses = new CopyOnWriteArrayList<>();

    private SoakLoad(CoordinatorClient client, String task) {
        this.client = client;
        this.task = task;
    }

    /** Starts {@code syncPerSecond} synchronous and {@code asyncPerSecond} asynchronous calls a second. */
    static SoakLoad start(CoordinatorClient client, String task, int syncPerSecond, int asyncPerSecond) {
        SoakLoad load = new SoakLoad(client, task);
        load.every(syncPerSecond, load.sync, () -> client.invoke(task, "{\"soak\":true}"), 200);
        load.every(asyncPerSecond, load.async,
                () -> client.invoke(task, "{\"soak\":true}", "Prefer", "respond-async"), 202);
        return load;
    }

    private void every(int perSecond, Window window, Supplier<HttpResponse<String>> call, int expected) {
        timer.scheduleAtFixedRate(() -> {
            if (!inFlight.tryAcquire()) {
                errors.incrementAndGet();
                return;
            }
            Thread.ofVirtual().start(() -> {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = call.get();
                    if (response.statusCode() == expected) {
                        window.add(start, System.nanoTime());
                    }
                    else {
                        failed(response.statusCode() + " " + response.body());
                    }
                }
                catch (RuntimeException ex) {
                    failed(ex.toString());
                }
                finally {
                    inFlight.release();
                }
            });
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    private void failed(String what) {
        errors.incrementAndGet();
        if (reported.incrementAndGet() <= 10) {
            System.out.println("call of " + task + " failed: " + what.substring(0, Math.min(300, what.length())));
        }
    }

    /** Leaves calls in flight between the two {@link System#nanoTime} readings out of the percentiles. */
    void excludePause(long fromNanos, long toNanos) {
        pauses.add(new long[] { fromNanos, toNanos });
        // No call outlives the client's timeout (180 s): older pauses can no longer matter.
        pauses.removeIf(pause -> pause[1] < toNanos - 300_000_000_000L);
    }

    /** The latency percentiles (ms) of the calls that ended since the last window, and their counts; starts a new window. */
    Results nextWindow() {
        List<long[]> syncCalls = sync.drain();
        List<long[]> asyncCalls = async.drain();
        double[] syncMillis = outsidePauses(syncCalls);
        double[] asyncMillis = outsidePauses(asyncCalls);
        int excluded = syncCalls.size() + asyncCalls.size() - syncMillis.length - asyncMillis.length;
        return new Results(percentile(syncMillis, 0.5), percentile(syncMillis, 0.99), percentile(asyncMillis, 0.99),
                syncCalls.size() + asyncCalls.size(),
                errors.getAndSet(0), excluded);
    }

    private double[] outsidePauses(List<long[]> calls) {
        return calls.stream()
                .filter(call -> pauses.stream().noneMatch(pause -> call[0] < pause[1] && call[1] > pause[0]))
                .mapToDouble(call -> (call[1] - call[0]) / 1e6).toArray();
    }

    /** Stops starting calls and waits up to a minute for the open ones. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS);
    }

    private static double percentile(double[] millis, double share) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * share) - 1))];
    }

    /**
     * One window's figures: percentiles in ms, calls that succeeded, calls that failed or were not
     * started, and calls of those that succeeded left out of the p99s as in flight during a pause.
     */
    record Results(double syncP50, double syncP99, double asyncP99, int calls, int errors, int excluded) {
    }

    /** The calls (start and end, in {@link System#nanoTime}) that succeeded since the last drain. */
    private static final class Window {

        private List<long[]> calls = new ArrayList<>();

        synchronized void add(long start, long end) {
            calls.add(new long[] { start, end });
        }

        synchronized List<long[]> drain() {
            List<long[]> drained = calls;
            calls = new ArrayList<>();
            return drained;
        }
    }
}
