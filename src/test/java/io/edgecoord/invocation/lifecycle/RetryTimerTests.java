package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTimerTests {

    private final Clock clock = Clock.systemUTC();
    private final RetryTimer timer = new RetryTimer(clock);

    @AfterEach
    void close() {
        timer.close();
    }

    @Test
    void aWaitingActionCanBeDroppedBeforeItRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        timer.at(clock.instant().plus(Duration.ofHours(1)), "i-1", () -> ran.set(true));

        assertThat(timer.cancel("i-1")).isTrue();
        assertThat(timer.cancel("i-1")).isFalse();
        assertThat(ran).isFalse();
    }

    @Test
    void anActionThatRanCanNoLongerBeDropped() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        timer.at(clock.instant(), "i-1", ran::countDown);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(timer.cancel("i-1")).isFalse();
    }
}
