package io.edgecoord.invocation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.edgecoord.invocation.InvalidCallLimitException;

class CallLimitsTests {

    @Test
    void noHeadersAskForNothing() {
        assertThat(CallLimits.parse(null, null)).isEqualTo(CallLimits.NONE);
    }

    @Test
    void readsADeadlineInMillisecondsAndAPriority() {
        CallLimits limits = CallLimits.parse(" 1500 ", "3");

        assertThat(limits.deadlineIn()).isEqualTo(Duration.ofMillis(1500));
        assertThat(limits.priority()).isEqualTo(3);
    }

    @Test
    void aDeadlineOfADayIsTheLongestAllowed() {
        assertThat(CallLimits.parse("86400000", null).deadlineIn()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> CallLimits.parse("86400001", null)).isInstanceOf(InvalidCallLimitException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-5", "1.5", "soon", "", "1e3", "99999999999999999999" })
    void refusesADeadlineThatIsNotAPositiveWholeNumberOfMilliseconds(String header) {
        assertThatThrownBy(() -> CallLimits.parse(header, null))
                .isInstanceOf(InvalidCallLimitException.class)
                .hasMessageContaining("Edgecoord-Deadline-Ms");
    }

    @ParameterizedTest
    @ValueSource(strings = { "10", "-1", "high", "" })
    void refusesAPriorityOutsideZeroToNine(String header) {
        assertThatThrownBy(() -> CallLimits.parse(null, header))
                .isInstanceOf(InvalidCallLimitException.class)
                .hasMessageContaining("Edgecoord-Priority");
    }

    @Test
    void aCallMayAskForItsTasksPriorityOrLowerButNeverHigher() {
        assertThat(CallLimits.parse(null, "2").priorityWithin(5)).isEqualTo(2);
        assertThat(CallLimits.parse(null, "9").priorityWithin(5)).isEqualTo(5);
        assertThat(CallLimits.NONE.priorityWithin(7)).isEqualTo(7);
    }
}
