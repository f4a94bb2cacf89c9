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

class FairShareTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private static ScheduledCall call(String task, int n, int priority, int weight) {
        EnvironmentSpec spec = new EnvironmentSpec(task, 1, "python3.11", "app.handle", 128, Map.of(),
                Path.of("/tmp"), false);
        return new ScheduledCall(new ExecutionRequest(task + "-" + n, spec, new byte[0], Duration.ofSeconds(3)), null,
                T0.plusMillis(n), priority, weight, 0);
    }

    private static List<ScheduledCall> calls(String task, int count, int firstArrival, int priority, int weight) {
        return IntStream.range(0, count).mapToObj(i -> call(task, firstArrival + i, priority, weight)).toList();
    }

    private static List<String> ids(List<ScheduledCall> calls) {
        return calls.stream().map(c -> c.request().invocationId()).toList();
    }

    @Test
    void aFloodingTaskDoesNotStarveAnotherOfTheSamePriority() {
        var flood = new FairShare.TaskQueue("flood", calls("flood", 100, 0, 5, 1), 1, 0);
        var quiet = new FairShare.TaskQueue("quiet", calls("quiet", 2, 500, 5, 1), 1, 0);

        // The quiet task's calls came last but are offered second and fourth, not after 100 others.
        assertThat(ids(FairShare.order(List.of(flood, quiet))).subList(0, 4))
                .containsExactly("flood-0", "quiet-500", "flood-1", "quiet-501");
    }

    @Test
    void sharesFollowTheWeights() {
        var heavy = new FairShare.TaskQueue("heavy", calls("heavy", 30, 0, 5, 3), 3, 0);
        var light = new FairShare.TaskQueue("light", calls("light", 30, 100, 5, 1), 1, 0);

        List<String> first8 = ids(FairShare.order(List.of(heavy, light))).subList(0, 8);

        assertThat(first8.stream().filter(id -> id.startsWith("heavy")).count()).isEqualTo(6);
        assertThat(first8.stream().filter(id -> id.startsWith("light")).count()).isEqualTo(2);
    }

    @Test
    void countsWhatEachTaskAlreadyRuns() {
        var busy = new FairShare.TaskQueue("busy", calls("busy", 3, 0, 5, 1), 1, 4);
        var idle = new FairShare.TaskQueue("idle", calls("idle", 3, 100, 5, 1), 1, 0);

        assertThat(ids(FairShare.order(List.of(busy, idle))).subList(0, 4))
                .containsExactly("idle-100", "idle-101", "idle-102", "busy-0");
    }

    @Test
    void higherPriorityGoesFirstWhateverTheShares() {
        var low = new FairShare.TaskQueue("low", calls("low", 2, 0, 3, 100), 100, 0);
        var high = new FairShare.TaskQueue("high", calls("high", 2, 100, 8, 1), 1, 10);

        assertThat(ids(FairShare.order(List.of(low, high)))).containsExactly("high-100", "high-101", "low-0", "low-1");
    }

    @Test
    void tiesGoToTheCallThatWaitedLongest() {
        var later = new FairShare.TaskQueue("later", calls("later", 1, 50, 5, 1), 1, 0);
        var earlier = new FairShare.TaskQueue("earlier", calls("earlier", 1, 10, 5, 1), 1, 0);

        assertThat(ids(FairShare.order(List.of(later, earlier)))).containsExactly("earlier-10", "later-50");
    }

    @Test
    void keepsEachQueuesOwnOrderAndOffersEveryCall() {
        var a = new FairShare.TaskQueue("a", List.of(call("a", 2, 9, 1), call("a", 1, 5, 1)), 1, 0);

        assertThat(ids(FairShare.order(List.of(a)))).containsExactly("a-2", "a-1");
        assertThat(FairShare.order(List.of())).isEmpty();
    }
}
