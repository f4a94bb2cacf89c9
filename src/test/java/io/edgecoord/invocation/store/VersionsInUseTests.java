package io.edgecoord.invocation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.PoolView;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.lifecycle.InvocationProperties;
import io.edgecoord.task.TaskVersionsInUse.Version;

@DataJpaTest
@Import({ VersionsInUse.class, InvocationStore.class, RecordJournal.class })
@EnableConfigurationProperties(InvocationProperties.class)
class VersionsInUseTests {

    private static final Instant T0 = Instant.parse("2026-12-07T06:00:00Z");

    @Autowired
    InvocationRepository invocations;

    @Autowired
    VersionsInUse versionsInUse;

    @MockitoBean
    PoolView resourceManager;

    @Test
    void namesTheVersionsOfLiveEnvironmentsAndOfQueuedAndRunningCallsOnly() {
        given(this.resourceManager.liveSpecs()).willReturn(List.of(
                new EnvironmentSpec("warm", 4, "python3.11", "m.f", 128, Map.of(), Path.of("/code"), false)));
        saved("queued", "t", 1, InvocationStatus.QUEUED);
        saved("queued-again", "t", 1, InvocationStatus.QUEUED);
        saved("running", "t", 2, InvocationStatus.RUNNING);
        saved("done", "t", 3, InvocationStatus.SUCCEEDED);

        assertThat(this.versionsInUse.versionsInUse()).containsExactlyInAnyOrder(new Version("warm", 4),
                new Version("t", 1), new Version("t", 2));
    }

    private void saved(String id, String task, int version, InvocationStatus status) {
        Invocation invocation = Invocation.accept(id, task, version, Invocation.Mode.ASYNC, "{}".getBytes(), T0);
        if (status != InvocationStatus.QUEUED) {
            invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        }
        if (status == InvocationStatus.SUCCEEDED) {
            invocation.succeed("1".getBytes(), Duration.ZERO, T0.plusSeconds(1));
        }
        this.invocations.saveAndFlush(invocation);
    }
}
