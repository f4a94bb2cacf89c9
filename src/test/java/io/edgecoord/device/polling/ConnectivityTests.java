package io.edgecoord.device.polling;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.edgecoord.device.ConnectivityStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The connectivity state machine, one row per case: from a state, after an outcome, to a state. */
class ConnectivityTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final Instant T1 = T0.plusSeconds(1);

    @ParameterizedTest(name = "{0} with {1} failures, then {2} (counts={3}) -> {4} by {5}")
    @CsvSource(nullValues = "-", textBlock = """
            # from,  failures, outcome, counts, to,      reason,        failuresAfter
            UNKNOWN, 0,        success, true,   ONLINE,  FIRST_CONTACT, 0
            UNKNOWN, 1,        failure, true,   UNKNOWN, -,             2
            UNKNOWN, 2,        failure, true,   OFFLINE, FAILURES,      3
            ONLINE,  0,        success, true,   ONLINE,  -,             0
            ONLINE,  0,        failure, true,   ONLINE,  -,             1
            ONLINE,  1,        failure, true,   ONLINE,  -,             2
            ONLINE,  2,        failure, true,   OFFLINE, FAILURES,      3
            ONLINE,  2,        success, true,   ONLINE,  -,             0
            ONLINE,  2,        failure, false,  ONLINE,  -,             2
            OFFLINE, 3,        failure, true,   OFFLINE, -,             4
            OFFLINE, 7,        success, true,   ONLINE,  RECOVERED,     0
            """)
    void movesAsTheTableSays(ConnectivityStatus from, int failures, String outcome, boolean counts,
            ConnectivityStatus to, String reason, int failuresAfter) {
        Connectivity state = new Connectivity(from, T0, null, null, null, null, failures);
        Connectivity.Step step = "success".equals(outcome) ? state.succeeded(T1)
                : state.failed(T1, new Connectivity.LastError("TIMEOUT", "no answer"), counts, 3);
        assertThat(step.connectivity().status()).isEqualTo(to);
        assertThat(step.connectivity().consecutiveFailures()).isEqualTo(failuresAfter);
        assertThat(step.transition().map(Connectivity.Transition::reason).orElse(null)).isEqualTo(reason);
        assertThat(step.connectivity().since()).isEqualTo((reason != null) ? T1 : T0);
    }

    @ParameterizedTest(name = "after {0} the device was last seen {1}")
    @CsvSource(textBlock = """
            success,          true
            counted failure,  false
            protocol failure, true
            """)
    void anAnswerOfAnyKindCountsAsSeen(String outcome, boolean seen) {
        Connectivity state = Connectivity.unknown(T0);
        Connectivity after = switch (outcome) {
            case "success" -> state.succeeded(T1).connectivity();
            case "counted failure" -> state.failed(T1, new Connectivity.LastError("TIMEOUT", "x"), true, 3)
                .connectivity();
            default -> state.failed(T1, new Connectivity.LastError("PROTOCOL_ERROR", "x"), false, 3).connectivity();
        };
        assertThat(after.lastSeenAt()).isEqualTo(seen ? T1 : null);
    }
}
