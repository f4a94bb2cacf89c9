package io.edgecoord.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExecutionRequest;

class FifoDispatchPolicyTests {

    private final FifoDispatchPolicy policy = new FifoDispatchPolicy(3);

    @Test
    void startsTheOldestCallsUpToTheFreeSlots() {
        List<ScheduledCall> queue = calls(5);

        assertThat(policy.select(queue, 1)).containsExactly(queue.get(0), queue.get(1));
    }

    @Test
    void startsNothingWhenTheCapIsReached() {
        assertThat(policy.select(calls(2), 3)).isEmpty();
        assertThat(policy.select(calls(2), 5)).isEmpty();
    }

    @Test
    void startsEveryCallWhenThereIsRoomForAll() {
        List<ScheduledCall> queue = calls(2);

        assertThat(policy.select(queue, 0)).containsExactlyElementsOf(queue);
        assertThat(policy.select(List.of(), 0)).isEmpty();
    }

    static List<ScheduledCall> calls(int count) {
        EnvironmentSpec spec = new EnvironmentSpec("t", 1, "python3.11", "h.f", 128, Map.of(), Path.of("/x"), false);
        return IntStream.range(0, count)
                .mapToObj(i -> new ScheduledCall(new ExecutionRequest("c" + i, spec, new byte[0], Duration.ofSeconds(1)),
                        null, Instant.EPOCH.plusSeconds(i)))
                .toList();
    }
}
