package io.edgecoord.device.polling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.registry.OpcUaBinding;
import io.edgecoord.device.registry.PolledDevice;

/**
 * Polls every scheduled device at a fixed rate. One timer thread only decides (through the pure
 * {@link PollTiming}) and hands polls to virtual threads; {@link DeviceReader} does the I/O behind
 * the link gates and the lane caps. Per device exactly one chain of timer ticks exists at a time:
 * the normal lane while the device is UNKNOWN or ONLINE, the recovery lane, with capped
 * exponential back-off and full jitter, while it is OFFLINE. A tick that comes while the
 * device's previous poll still runs is skipped, never queued. For an OPC UA device with
 * {@code sampling: subscribe} a tick does not read: it checks that the device's subscription lives
 * (and makes it when there is none), so connectivity follows the same rules. Ticks are exception-safe: a failing
 * tick still arms the next one.
 */
final class DevicePoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevicePoller.class);

    private final DeviceReader reader;

    private final ConnectivityTracker connectivity;

    private final PollMetrics metrics;

    private final LongSupplier ticker;

    private final DoubleSupplier random;

    private final long jitterMaxNanos;

    private final long maxBackoffNanos;

    private final ScheduledExecutorService timer;

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    private final Map<String, DeviceSchedule> schedules = new ConcurrentHashMap<>();

    private final RateLimitedWarning overrunWarning;

    DevicePoller(DeviceReader reader, ConnectivityTracker connectivity, PollMetrics metrics,
            DeviceProperties properties, LongSupplier ticker, DoubleSupplier random) {
        this.reader = reader;
        this.connectivity = connectivity;
        this.metrics = metrics;
        this.ticker = ticker;
        this.random = random;
        this.jitterMaxNanos = properties.poll().jitterMax().toNanos();
        this.maxBackoffNanos = properties.liveness().recoveryMaxBackoff().toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("device-poll-timer")
            .daemon()
            .factory());
        this.overrunWarning = new RateLimitedWarning(log, ticker, TimeUnit.SECONDS.toNanos(10));
    }

    /** Starts (or restarts, with a fresh offset and jitter) the device's schedule; LOCKED devices are not polled. */
    void schedule(PolledDevice device) {
        if (device.locked()) {
            unschedule(device.name());
            return;
        }
        long interval = device.interval().toNanos();
        DeviceSchedule schedule = new DeviceSchedule(device, PollTiming.firstTick(this.ticker.getAsLong(),
                device.name(), interval, this.jitterMaxNanos, this.random.getAsDouble()));
        DeviceSchedule previous = this.schedules.put(device.name(), schedule);
        if (previous != null) {
            previous.stop();
        }
        // A changed definition subscribes anew (other nodes, another interval).
        this.reader.unwatch(device.name());
        arm(schedule, schedule.anchor, Lane.NORMAL);
    }

    void unschedule(String device) {
        DeviceSchedule previous = this.schedules.remove(device);
        if (previous != null) {
            previous.stop();
        }
        this.reader.unwatch(device);
    }

    int scheduled() {
        return this.schedules.size();
    }

    private void arm(DeviceSchedule schedule, long at, Lane lane) {
        if (schedule.stopped) {
            return;
        }
        try {
            long delay = Math.max(0, at - this.ticker.getAsLong());
            schedule.pending = this.timer.schedule(() -> tick(schedule, at, lane), delay, TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException ex) {
            log.debug("Poller closed; device {} not re-armed", schedule.device.name());
        }
    }

    private void tick(DeviceSchedule schedule, long scheduledAt, Lane lane) {
        if (schedule.stopped) {
            return;
        }
        try {
            if (lane == Lane.NORMAL) {
                normalTick(schedule, scheduledAt);
            }
            else {
                recoveryTick(schedule, scheduledAt);
            }
        }
        catch (RuntimeException | Error ex) {
            log.error("Poll tick of device {} failed; re-arming", schedule.device.name(), ex);
            arm(schedule, this.ticker.getAsLong() + schedule.interval, Lane.NORMAL);
        }
    }

    private void normalTick(DeviceSchedule schedule, long scheduledAt) {
        long now = this.ticker.getAsLong();
        PolledDevice device = schedule.device;
        switch (PollTiming.decide(this.connectivity.status(device.name()), schedule.running.get())) {
            case TO_RECOVERY -> {
                schedule.recoveryAttempt = 0;
                arm(schedule, now + backoff(schedule), Lane.RECOVERY);
            }
            case SKIP_OVERRUN -> {
                this.metrics.count(PollResult.SKIPPED_OVERRUN);
                this.overrunWarning.warn("Device {} still busy with its previous poll; tick skipped", device.name());
                armNext(schedule, scheduledAt, now);
            }
            case POLL -> {
                schedule.running.set(true);
                armNext(schedule, scheduledAt, now);
                start(schedule, () -> sample(schedule, Lane.NORMAL, scheduledAt, scheduledAt + device.timeout().toNanos()));
            }
        }
    }

    private void armNext(DeviceSchedule schedule, long scheduledAt, long now) {
        PollTiming.NextTick next = PollTiming.next(scheduledAt, schedule.interval, now);
        if (next.missed() > 0) {
            this.metrics.missed(next.missed());
        }
        arm(schedule, next.at(), Lane.NORMAL);
    }

    private void recoveryTick(DeviceSchedule schedule, long scheduledAt) {
        long now = this.ticker.getAsLong();
        if (this.connectivity.status(schedule.device.name()) != ConnectivityStatus.OFFLINE) {
            arm(schedule, PollTiming.nextOnGrid(schedule.anchor, schedule.interval, now), Lane.NORMAL);
            return;
        }
        if (!schedule.running.compareAndSet(false, true)) {
            arm(schedule, now + backoff(schedule), Lane.RECOVERY);
            return;
        }
        PolledDevice device = schedule.device;
        start(schedule, () -> {
            sample(schedule, Lane.RECOVERY, scheduledAt, now + device.timeout().toNanos());
            long after = this.ticker.getAsLong();
            if (this.connectivity.status(device.name()) == ConnectivityStatus.OFFLINE) {
                schedule.recoveryAttempt++;
                arm(schedule, after + backoff(schedule), Lane.RECOVERY);
            }
            else {
                arm(schedule, PollTiming.nextOnGrid(schedule.anchor, schedule.interval, after), Lane.NORMAL);
            }
        });
    }

    /** A poll, or for a subscribing device the check that its subscription lives. */
    private void sample(DeviceSchedule schedule, Lane lane, long scheduledAt, long deadline) {
        PolledDevice device = schedule.device;
        if (device.binding() instanceof OpcUaBinding opcua && opcua.subscribes()) {
            this.reader.watch(device, lane, scheduledAt, deadline);
            if (schedule.stopped) {
                // Locked or deleted while the subscription was being made: it must not outlive the schedule.
                this.reader.unwatch(device.name());
            }
        }
        else {
            this.reader.read(device, device.source(), device.pollResources(), lane, scheduledAt, deadline);
        }
    }

    private void start(DeviceSchedule schedule, Runnable poll) {
        try {
            this.workers.execute(() -> {
                try {
                    poll.run();
                }
                catch (RuntimeException | Error ex) {
                    log.error("Poll of device {} failed unexpectedly", schedule.device.name(), ex);
                }
                finally {
                    schedule.running.set(false);
                }
            });
        }
        catch (RejectedExecutionException ex) {
            schedule.running.set(false);
        }
    }

    private long backoff(DeviceSchedule schedule) {
        return PollTiming.backoff(schedule.recoveryAttempt, schedule.interval, this.maxBackoffNanos,
                this.random.getAsDouble());
    }

    @Override
    public void close() {
        this.schedules.values().forEach(DeviceSchedule::stop);
        this.schedules.clear();
        this.timer.shutdownNow();
        this.workers.shutdownNow();
    }
}
