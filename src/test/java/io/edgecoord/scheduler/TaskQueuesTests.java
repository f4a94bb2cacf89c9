package io.edgecoord.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExecutionRequest;

class TaskQueuesTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    /** Offers every queued call. */
    private static final TaskQueues.Window ALL = (calls, slots, versions, acceptedSince) -> calls;

    private final List<TaskQueues.Refusal> refusals = new ArrayList<>();

    private static ScheduledCall call(String task, String id, int priority, int maxQueueLength, Instant deadline) {
        EnvironmentSpec spec = new EnvironmentSpec(task, 1, "python3.11", "app.handle", 128, Map.of(),
                Path.of("/tmp"), false);
        return new ScheduledCall(new ExecutionRequest(id, spec, new byte[0], Duration.ofSeconds(3), deadline), null,
                T0, priority, 1, maxQueueLength);
    }

    private static List<String> ids(List<ScheduledCall> calls) {
        return calls.stream().map(c -> c.request().invocationId()).toList();
    }

    @Test
    void servesEachTaskByPriorityThenArrival() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 100, 10));
        queues.add(call("a", "low-1", 2, 0, null), refusals::add);
        queues.add(call("a", "high", 7, 0, null), refusals::add);
        queues.add(call("a", "low-2", 2, 0, null), refusals::add);
        queues.add(call("b", "other", 9, 0, null), refusals::add);

        List<FairShare.TaskQueue> byTask = queues.forFairShare(Map.of("b", 3), 8, ALL);

        assertThat(byTask).extracting(FairShare.TaskQueue::task).containsExactly("a", "b");
        assertThat(ids(byTask.getFirst().calls())).containsExactly("high", "low-1", "low-2");
        assertThat(byTask.get(1).running()).isEqualTo(3);
        assertThat(queues.sizeByTask()).isEqualTo(Map.of("a", 3, "b", 1));
    }

    @Test
    void takesOutManyCallsInOnePassAndSaysWhichWereThere() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 100, 10));
        queues.add(call("a", "a1", 5, 0, null), refusals::add);
        queues.add(call("a", "a2", 5, 0, null), refusals::add);
        queues.add(call("b", "b1", 5, 0, null), refusals::add);

        Map<String, ScheduledCall> taken = queues.removeAll(java.util.Set.of("a2", "b1", "gone"));

        assertThat(taken.keySet()).containsExactlyInAnyOrder("a2", "b1");
        assertThat(queues.size()).isEqualTo(1);
        assertThat(queues.sizeByTask()).isEqualTo(Map.of("a", 1));
    }

    @Test
    void takesOutCallsByIdAmongPrioritiesAndForgetsThoseAPredicateTookOut() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 100, 20));
        for (int i = 0; i < 20; i++) {
            queues.add(call("a", "a" + i, i % 3, 0, i % 4 == 0 ? T0 : null), refusals::add);
        }

        assertThat(ids(queues.removeLate(T0))).hasSize(5);
        Map<String, ScheduledCall> taken = queues.removeAll(java.util.Set.of("a0", "a1", "a2", "a7", "a19"));

        assertThat(taken.keySet()).containsExactlyInAnyOrder("a1", "a2", "a7", "a19");
        assertThat(queues.size()).isEqualTo(11);
        List<String> left = ids(queues.forFairShare(Map.of(), 8, ALL).getFirst().calls());
        assertThat(left).containsExactly("a5", "a11", "a14", "a17", "a10", "a13", "a3", "a6", "a9", "a15", "a18");
    }

    @Test
    void tellsTheWindowHowManyVersionsWaitAndSinceWhen() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 100, 20));
        EnvironmentSpec v2 = new EnvironmentSpec("a", 2, "python3.11", "app.handle", 128, Map.of(), Path.of("/tmp"),
                false);
        queues.add(call("a", "a1", 5, 0, null), refusals::add);
        queues.add(new ScheduledCall(new ExecutionRequest("a2", v2, new byte[0], Duration.ofSeconds(3), null), null,
                T0.minusSeconds(7), 5, 1, 0), refusals::add);
        queues.add(call("b", "b1", 5, 0, null), refusals::add);
        List<String> seen = new ArrayList<>();
        TaskQueues.Window record = (calls, slots, versions, acceptedSince) -> {
            seen.add(ids(calls) + " " + versions + " " + acceptedSince);
            return calls;
        };

        queues.forFairShare(Map.of(), 8, record);
        queues.remove("a2");
        queues.forFairShare(Map.of(), 8, record);

        assertThat(seen).containsExactly("[a1, a2] 2 " + T0.minusSeconds(7), "[b1] 1 " + T0,
                "[a1] 1 " + T0.minusSeconds(7), "[b1] 1 " + T0);
        queues.remove("a1");
        queues.add(call("a", "a3", 5, 0, null), refusals::add);
        seen.clear();
        queues.forFairShare(Map.of(), 8, record);
        assertThat(seen).as("an emptied queue starts afresh").containsExactly("[b1] 1 " + T0, "[a3] 1 " + T0);
    }

    @Test
    void aCallTakenOutByIdIsNoLongerLateNorItsDeadlineAwaited() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 100, 20));
        queues.add(call("a", "soon", 5, 0, T0.plusSeconds(1)), refusals::add);
        queues.add(call("a", "later", 5, 0, T0.plusSeconds(9)), refusals::add);

        assertThat(queues.remove("soon")).isPresent();

        assertThat(queues.earliestDeadline(T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(9));
        assertThat(queues.removeLate(T0.plusSeconds(5))).isEmpty();
        assertThat(ids(queues.removeLate(T0.plusSeconds(9)))).containsExactly("later");
        assertThat(queues.size()).isZero();
    }

    @Test
    void refusesATaskPastItsOwnLimitOrTheDefaultWhileOthersStillQueue() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 100, 2));
        queues.add(call("flood", "f1", 5, 0, null), refusals::add);
        queues.add(call("flood", "f2", 5, 0, null), refusals::add);
        queues.add(call("own", "o1", 5, 1, null), refusals::add);

        assertThatThrownBy(() -> queues.add(call("flood", "f3", 5, 0, null), refusals::add))
                .isInstanceOf(QueueFullException.class).hasMessageContaining("flood");
        assertThatThrownBy(() -> queues.add(call("own", "o2", 5, 1, null), refusals::add))
                .isInstanceOf(QueueFullException.class);
        queues.add(call("quiet", "q1", 5, 0, null), refusals::add);

        assertThat(refusals).containsExactly(TaskQueues.Refusal.TASK_QUEUE_FULL, TaskQueues.Refusal.TASK_QUEUE_FULL);
        assertThat(queues.size()).isEqualTo(4);
    }

    @Test
    void readmitsWhatARestartFoundQueuedPastEveryLimitAndRefusesNewCallsMeanwhile() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 2, 1));
        queues.readmit(call("a", "a1", 5, 0, null));
        queues.readmit(call("a", "a2", 5, 0, null));
        queues.readmit(call("a", "a3", 5, 0, null));

        assertThatThrownBy(() -> queues.add(call("b", "b1", 5, 0, null), refusals::add))
                .isInstanceOf(QueueFullException.class);
        assertThat(queues.sizeByTask()).isEqualTo(Map.of("a", 3));
    }

    @Test
    void refusesEveryTaskWhenAllQueuesTogetherAreFull() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 2, 10));
        queues.add(call("a", "a1", 5, 0, null), refusals::add);
        queues.add(call("b", "b1", 5, 0, null), refusals::add);

        assertThatThrownBy(() -> queues.add(call("c", "c1", 5, 0, null), refusals::add))
                .isInstanceOf(QueueFullException.class);
        assertThat(refusals).containsExactly(TaskQueues.Refusal.QUEUE_FULL);
        assertThat(queues.sizeByTask()).doesNotContainKey("c");
    }

    @Test
    void takesOutOneCallOrEveryMatchAndForgetsEmptyTasks() {
        TaskQueues queues = new TaskQueues(new SchedulerProperties(8, 100, 10));
        queues.add(call("a", "a1", 5, 0, T0.plusSeconds(5)), refusals::add);
        queues.add(call("a", "a2", 5, 0, T0.plusSeconds(2)), refusals::add);
        queues.add(call("b", "b1", 5, 0, null), refusals::add);

        assertThat(queues.earliestDeadline(T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(2));
        assertThat(queues.remove("b1")).isPresent();
        assertThat(queues.remove("b1")).isEmpty();
        assertThat(ids(queues.removeLate(T0.plusSeconds(5)))).containsExactly("a2", "a1");
        assertThat(queues.size()).isZero();
        assertThat(queues.sizeByTask()).isEmpty();
        assertThat(queues.earliestDeadline(T0)).isEqualTo(T0);
    }
}
