package io.edgecoord.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.PageRequest;

import io.edgecoord.execution.StartKind;

@DataJpaTest
class InvocationRepositoryTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Autowired
    InvocationRepository invocations;

    @Autowired
    InvocationLogRepository logs;

    private Invocation saved(String id, String task, int secondsAfter, boolean succeed) {
        Invocation invocation = Invocation.accept(id, task, 1, Invocation.Mode.ASYNC, "{\"a\":1}".getBytes(),
                T0.plusSeconds(secondsAfter));
        if (succeed) {
            invocation.start("e1", StartKind.COLD, T0);
            invocation.succeed("\"r\"".getBytes(), Duration.ofMillis(250), T0.plusSeconds(secondsAfter + 1));
        }
        return invocations.saveAndFlush(invocation);
    }

    @Test
    void searchesByTaskAndStatusNewestFirst() {
        saved("a", "one", 1, true);
        saved("b", "one", 2, false);
        saved("c", "one", 3, true);
        saved("d", "two", 4, true);

        var page = invocations.search("one", InvocationStatus.SUCCEEDED, PageRequest.of(0, 10));

        assertThat(page.getContent()).extracting(Invocation::id).containsExactly("c", "a");
        assertThat(invocations.search(null, null, PageRequest.of(0, 2)).getTotalElements()).isEqualTo(4);
        assertThat(invocations.search("two", null, PageRequest.of(0, 2)).getContent()).hasSize(1);
    }

    @Test
    void keepsEveryFieldOfTheRecordAndItsLog() {
        saved("x", "one", 0, true);
        logs.saveAndFlush(new InvocationLog("x", "printed\n", false));

        Invocation read = invocations.findById("x").orElseThrow();
        assertThat(read.payload()).asString().isEqualTo("{\"a\":1}");
        assertThat(read.result()).asString().isEqualTo("\"r\"");
        assertThat(read.startKind()).isEqualTo(StartKind.COLD);
        assertThat(read.initDurationMs()).isEqualTo(250);
        assertThat(read.acceptedAt()).isEqualTo(T0);
        assertThat(logs.findById("x").orElseThrow().text()).isEqualTo("printed\n");
    }

    @Test
    void findsWhatIsUnfinished() {
        saved("done", "one", 0, true);
        saved("waiting", "one", 1, false);

        assertThat(invocations.findByStatusInOrderByAcceptedAt(
                List.of(InvocationStatus.QUEUED, InvocationStatus.RUNNING))).extracting(Invocation::id)
                .containsExactly("waiting");
    }
}
