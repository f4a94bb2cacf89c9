package io.edgecoord.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class ScheduleDecisionsTests {

    private static final CronExpression EVERY_MINUTE = CronExpression.parse("0 * * * * *");
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void firesFirstAtTheNextDueTime() {
        assertThat(ScheduleDecisions.next(EVERY_MINUTE, null, T0.plusSeconds(10), ZoneOffset.UTC))
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void doesNotFireTwiceWhenTheTimerWakesEarly() {
        assertThat(ScheduleDecisions.next(EVERY_MINUTE, T0, T0.minusMillis(3), ZoneOffset.UTC))
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void skipsMissedFiresInsteadOfReplayingThem() {
        assertThat(ScheduleDecisions.next(EVERY_MINUTE, T0, T0.plusSeconds(190), ZoneOffset.UTC))
                .isEqualTo(T0.plusSeconds(240));
    }

    @Test
    void readsCronFieldsInTheGivenZone() {
        CronExpression nineOClock = CronExpression.parse("0 0 9 * * *");

        assertThat(ScheduleDecisions.next(nineOClock, null, T0, ZoneOffset.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-28T07:00:00Z"));
    }

    @Test
    void measuresLagAndNeverANegativeOne() {
        assertThat(ScheduleDecisions.lag(T0, T0.plusMillis(250))).isEqualTo(Duration.ofMillis(250));
        assertThat(ScheduleDecisions.lag(T0, T0.minusMillis(2))).isEqualTo(Duration.ZERO);
    }
}
