package io.edgecoord.device.polling;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.edgecoord.device.registry.PolledDevice;

/**
 * One device's schedule in the {@link DevicePoller}: its grid anchor, whether a poll runs, the
 * recovery attempt, and the one pending timer tick. Replaced, never edited, when the device changes.
 */
final class DeviceSchedule {

    final PolledDevice device;

    final long anchor;

    final long interval;

    final AtomicBoolean running = new AtomicBoolean();

    volatile int recoveryAttempt;

    volatile boolean stopped;

    volatile ScheduledFuture<?> pending;

    DeviceSchedule(PolledDevice device, long anchor) {
        this.device = device;
        this.anchor = anchor;
        this.interval = device.interval().toNanos();
    }

    void stop() {
        this.stopped = true;
        ScheduledFuture<?> future = this.pending;
        if (future != null) {
            future.cancel(false);
        }
    }
}
