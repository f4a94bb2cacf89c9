package io.edgecoord.invocation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationStatus;

@DataJpaTest
@Import(InvocationRetention.class)
class InvocationRetentionTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Autowired
    InvocationRepository invocations;

    @Autowired
    InvocationLogRepository logs;

    @Autowired
    InvocationRetention retention;

    @Autowired
    TestEntityManager entities;

    /** A call accepted at T0 + seconds: ended (SUCCEEDED, with a log) a second later, or left as it is. */
    private void saved(String id, int seconds, InvocationStatus status) {
        Invocation invocation = Invocation.accept(id, "one", 1, Invocation.Mode.ASYNC, "{}".getBytes(),
                T0.plusSeconds(seconds));
        if (status != InvocationStatus.QUEUED) {
            invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0.plusSeconds(seconds));
        }
        if (status == InvocationStatus.SUCCEEDED) {
            invocation.succeed("1".getBytes(), Duration.ZERO, T0.plusSeconds(seconds + 1));
        }
        if (status == InvocationStatus.DEAD_LETTERED) {
            invocation.fail(ErrorSource.FUNCTION, "Handled", "no", null, Duration.ZERO, T0.plusSeconds(seconds + 1));
            invocation.deadLetter("RetriesExhausted", T0.plusSeconds(seconds + 1));
        }
        invocations.saveAndFlush(invocation);
        if (status.isFinal()) {
            logs.saveAndFlush(new InvocationLog(id, "printed", false));
        }
    }

    private void deleted() {
        entities.flush();
        entities.clear();
    }

    @Test
    void deletesEndedRecordsOlderThanTheCutoffOldestFirstWithTheirLogs() {
        saved("a", 0, InvocationStatus.SUCCEEDED);
        saved("b", 10, InvocationStatus.SUCCEEDED);
        saved("c", 20, InvocationStatus.SUCCEEDED);

        assertThat(retention.deleteEndedBefore(T0.plusSeconds(30), 2)).isEqualTo(2);
        deleted();

        assertThat(invocations.findAll()).extracting(Invocation::id).containsExactly("c");
        assertThat(logs.findAll()).extracting(InvocationLog::getId).containsExactly("c");
        assertThat(retention.deleteEndedBefore(T0.plusSeconds(5), 10)).isZero();
    }

    @Test
    void neverDeletesQueuedOrRunningCalls() {
        saved("queued", 0, InvocationStatus.QUEUED);
        saved("running", 0, InvocationStatus.RUNNING);
        saved("ended", 0, InvocationStatus.SUCCEEDED);

        assertThat(retention.countEnded()).isEqualTo(1);
        assertThat(retention.deleteOldestEnded(10)).isEqualTo(1);
        assertThat(retention.deleteEndedBefore(T0.plusSeconds(3600), 10)).isZero();
        deleted();

        assertThat(invocations.findAll()).extracting(Invocation::id).containsExactlyInAnyOrder("queued", "running");
    }

    @Test
    void keepsDeadLettersUntilTheirOwnCutoffAndDeletesThemLastByCount() {
        saved("dead", 0, InvocationStatus.DEAD_LETTERED);
        saved("done", 10, InvocationStatus.SUCCEEDED);

        assertThat(retention.deleteEndedBefore(T0.plusSeconds(3600), 10)).isEqualTo(1);
        saved("later", 20, InvocationStatus.SUCCEEDED);
        assertThat(retention.deleteOldestEnded(1)).isEqualTo(1);
        deleted();
        assertThat(invocations.findAll()).extracting(Invocation::id).containsExactly("dead");

        assertThat(retention.deleteDeadLettersBefore(T0.plusSeconds(3600), 10)).isEqualTo(1);
        deleted();
        assertThat(invocations.findAll()).isEmpty();
    }

    @Test
    void deletesOldLogsAndKeepsTheirRecords() {
        saved("a", 0, InvocationStatus.SUCCEEDED);
        saved("b", 100, InvocationStatus.SUCCEEDED);

        assertThat(retention.deleteLogsBefore(T0.plusSeconds(50), 10)).isEqualTo(1);
        deleted();

        assertThat(invocations.findAll()).hasSize(2);
        assertThat(logs.findAll()).extracting(InvocationLog::getId).containsExactly("b");
    }

    @Test
    void countsWhatLogsTakeInBytesAndDeletesTheOldestFirstKeepingTheirRecords() {
        saved("a", 0, InvocationStatus.SUCCEEDED);
        saved("b", 100, InvocationStatus.SUCCEEDED);
        saved("running", 200, InvocationStatus.RUNNING);
        logs.saveAndFlush(new InvocationLog("running", "é", false)); // in UTF-8 two bytes; never chosen
        deleted();

        assertThat(retention.logBytes()).isEqualTo("printed".length() * 2 + 2);
        assertThat(retention.deleteOldestLogs(1)).isEqualTo("printed".length());
        deleted();

        assertThat(invocations.findAll()).hasSize(3);
        assertThat(logs.findAll()).extracting(InvocationLog::getId).containsExactlyInAnyOrder("b", "running");
    }
}
