package io.edgecoord.device.polling;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/** Logs a warning at most once per period, and says how many were held back in between. */
final class RateLimitedWarning {

    private final Logger log;

    private final LongSupplier ticker;

    private final long periodNanos;

    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedWarning(Logger log, LongSupplier ticker, long periodNanos) {
        this.log = log;
        this.ticker = ticker;
        this.periodNanos = periodNanos;
    }

    void warn(String format, Object argument) {
        long now = this.ticker.getAsLong();
        long due = this.next.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && this.next.compareAndSet(due, now + this.periodNanos)) {
            this.log.warn(format + " ({} similar warnings suppressed)", argument, this.suppressed.getAndSet(0));
        }
        else {
            this.suppressed.incrementAndGet();
        }
    }
}
