package io.edgecoord.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/**
 * When schedules fire: pure, over the cron expression, the last due time and now. A schedule that
 * fell behind fires once, late, and then resumes from now: missed fires are skipped, not replayed.
 */
final class ScheduleDecisions {

    private ScheduleDecisions() {
    }

    /**
     * The next due time after {@code lastDue} or {@code now}, whichever is later; null when the
     * expression never fires again.
     */
    static Instant next(CronExpression cron, Instant lastDue, Instant now, ZoneId zone) {
        Instant from = lastDue == null || now.isAfter(lastDue) ? now : lastDue;
        ZonedDateTime next = cron.next(from.atZone(zone));
        return next == null ? null : next.toInstant();
    }

    /** How late a fire is; never negative (a timer may wake a little early). */
    static Duration lag(Instant due, Instant firedAt) {
        Duration lag = Duration.between(due, firedAt);
        return lag.isNegative() ? Duration.ZERO : lag;
    }
}
