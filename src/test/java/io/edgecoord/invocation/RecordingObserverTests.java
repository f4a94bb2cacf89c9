package io.edgecoord.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RecordingObserverTests {

    private final InvocationStore store = mock(InvocationStore.class);
    private final LiveLogs liveLogs = new LiveLogs(
            InvocationProperties.of(DataSize.ofMegabytes(6), DataSize.ofKilobytes(64), Duration.ofSeconds(1)));
    private final CompletableFuture<String> output = new CompletableFuture<>();
    private final RecordingObserver observer = new RecordingObserver("i-1", store, liveLogs,
            new InvocationMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), new CompletableFuture<>(), output,
            InvocationProperties.of(DataSize.ofMegabytes(6), DataSize.ofKilobytes(64), Duration.ofSeconds(1)).retryPolicy(),
            retried -> { });

    @Test
    void theOutputCompletesWithEverythingPrintedOnceItIsClosedAndStored() {
        observer.output("START\n");
        observer.output("hello\n");
        assertThat(output).isNotDone();

        observer.outputClosed();

        assertThat(output).isCompletedWithValue("START\nhello\n");
        assertThat(liveLogs.find("i-1")).isEmpty();
        verify(store).saveLog("i-1", "START\nhello\n", false);
    }

    @Test
    void theOutputCompletesEvenWhenItCouldNotBeStored() {
        willThrow(new IllegalStateException("disk full")).given(store)
                .saveLog("i-1", "", false);

        observer.outputClosed();

        assertThat(output).isCompletedWithValue("");
    }
}
