package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.edgecoord.task.TaskExecution;

class RetryPolicyTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private final RetryPolicy policy = new RetryPolicy(2, Duration.ofHours(6), Duration.ofSeconds(1),
            Duration.ofMinutes(5));

    @Test
    void backsOffOneSecondThenDoublingUpToTheCap() {
        assertThat(policy.backOff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backOff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backOff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backOff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(policy.backOff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backOff(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void retriesTheFirstTwoFailedAttemptsAfterTheirBackOff() {
        assertThat(policy.decide(1, T0, T0.plusSeconds(3))).isEqualTo(new RetryPolicy.Retry(T0.plusSeconds(4)));
        assertThat(policy.decide(2, T0, T0.plusSeconds(10))).isEqualTo(new RetryPolicy.Retry(T0.plusSeconds(12)));
    }

    @Test
    void givesUpWhenTheRetriesAreSpent() {
        assertThat(policy.decide(3, T0, T0.plusSeconds(20)))
                .isEqualTo(new RetryPolicy.GiveUp(RetryPolicy.RETRIES_EXHAUSTED));
    }

    @Test
    void givesUpWhenTheRetryWouldStartPastTheMaximumEventAge() {
        Instant nearlySixHours = T0.plus(Duration.ofHours(6)).minusMillis(500);

        assertThat(policy.decide(1, T0, nearlySixHours))
                .isEqualTo(new RetryPolicy.GiveUp(RetryPolicy.EVENT_AGE_EXCEEDED));
        assertThat(policy.decide(1, T0, nearlySixHours.minusSeconds(1))).isInstanceOf(RetryPolicy.Retry.class);
    }

    @Test
    void withNoRetriesTheFirstFailureIsFinal() {
        RetryPolicy none = new RetryPolicy(0, Duration.ofHours(6), Duration.ofSeconds(1), Duration.ofMinutes(5));

        assertThat(none.decide(1, T0, T0)).isEqualTo(new RetryPolicy.GiveUp(RetryPolicy.RETRIES_EXHAUSTED));
    }

    @Test
    void aTaskVersionsOwnLimitsWinWhereItSetsThem() {
        TaskExecution strict = new TaskExecution(TaskExecution.Isolation.CONTAINER, null, 0, null, null, false, 5, 1,
                null, 0, Duration.ofMinutes(1));

        assertThat(policy.withTask(strict)).isEqualTo(new RetryPolicy(0, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofMinutes(5)));
        assertThat(policy.withTask(strict).decide(1, T0, T0))
                .isEqualTo(new RetryPolicy.GiveUp(RetryPolicy.RETRIES_EXHAUSTED));
    }

    @Test
    void aTaskVersionWithoutLimitsOfItsOwnKeepsTheCoordinatorsPolicy() {
        assertThat(policy.withTask(TaskExecution.DEFAULTS)).isEqualTo(policy);
        TaskExecution ageOnly = new TaskExecution(TaskExecution.Isolation.CONTAINER, null, 0, null, null, false, 5, 1,
                null, null, Duration.ofMinutes(2));
        assertThat(policy.withTask(ageOnly).maxRetries()).isEqualTo(2);
        assertThat(policy.withTask(ageOnly).decide(1, T0, T0.plusSeconds(120)))
                .isEqualTo(new RetryPolicy.GiveUp(RetryPolicy.EVENT_AGE_EXCEEDED));
    }
}
