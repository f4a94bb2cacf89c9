package io.edgecoord.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExecutionRequest;

class CallMdcTests {

    @Test
    void everyLineLoggedWhileACallRunsNamesItsInvocationAndTaskAndNothingIsLeftAfter() {
        EnvironmentSpec spec = new EnvironmentSpec("sensor-read", 1, "python3.11", "app.handle", 128, Map.of(),
                Path.of("/tmp"), false);
        ScheduledCall call = new ScheduledCall(new ExecutionRequest("inv-42", spec, new byte[0], Duration.ofSeconds(3)),
                null, Instant.parse("2026-12-06T12:00:00Z"));
        Map<String, String> seen = new HashMap<>();

        Scheduler.withCallInMdc(call, () -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsEntry("invocation", "inv-42").containsEntry("task", "sensor-read");
        assertThat(MDC.get("invocation")).isNull();
        assertThat(MDC.get("task")).isNull();
    }
}
