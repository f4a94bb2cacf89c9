package io.edgecoord.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExecutionRequest;
import io.edgecoord.execution.PoolSnapshot;

class SchedulerSnapshotTests {

    private static ScheduledCall call(String task) {
        EnvironmentSpec spec = new EnvironmentSpec(task, 1, "python3.11", "app.handle", 128, Map.of(),
                Path.of("/tmp"), false);
        return new ScheduledCall(new ExecutionRequest("i-" + task, spec, new byte[0], Duration.ofSeconds(3)), null,
                Instant.EPOCH);
    }

    @Test
    void countsQueuedCallsInAllAndByTask() {
        PoolSnapshot pool = new PoolSnapshot(3, 1, 2, 384);

        SchedulerSnapshot snapshot = SchedulerSnapshot.of(List.of(call("b"), call("a"), call("b")), 2,
                new SchedulerProperties(8, 100), pool);

        assertThat(snapshot).isEqualTo(new SchedulerSnapshot(3, Map.of("a", 1, "b", 2), 2, 8, 6, 100, pool));
    }

    @Test
    void showsNoTaskWhenNothingWaitsAndNoFreeSlotBeyondTheCap() {
        SchedulerSnapshot snapshot = SchedulerSnapshot.of(List.of(), 9, new SchedulerProperties(8, 100),
                new PoolSnapshot(0, 0, 0, 0));

        assertThat(snapshot.queuedByTask()).isEmpty();
        assertThat(snapshot.free()).isZero();
    }
}
