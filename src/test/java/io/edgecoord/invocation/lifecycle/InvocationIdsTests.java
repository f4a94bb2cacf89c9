package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class InvocationIdsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T14:30:00.123Z");

    private final InvocationIds ids = new InvocationIds(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void areVersionSevenUuidsCarryingTheMillisecondOfTheirCreation() {
        UUID id = UUID.fromString(ids.next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void sortAsTextInTheOrderTheyWereMadeEvenWithinOneMillisecond() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(made.stream().map(id -> id.substring(19)).toList())).hasSize(made.size());
    }

    @Test
    void laterOnesSortAfterEarlierOnesOfAnotherClock() {
        String earlier = new InvocationIds(Clock.fixed(NOW.minusSeconds(1), ZoneOffset.UTC)).next();

        assertThat(ids.next()).isGreaterThan(earlier);
    }
}
