package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputAttributionTests {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void outputGoesToTheInvocationAttachedLast() {
        OutputAttribution attribution = new OutputAttribution();
        Recorder first = new Recorder();
        Recorder second = new Recorder();

        attribution.attach(first);
        attribution.write("one");
        attribution.attach(second);
        attribution.write("two");

        assertThat(first.text).containsExactly("one");
        assertThat(first.closed).isEqualTo(1);
        assertThat(second.text).containsExactly("two");
        assertThat(second.closed).isZero();
    }

    @Test
    void lateOutputWithinTheSettleTimeStillCountsThenTheOutputCloses() {
        OutputAttribution attribution = new OutputAttribution();
        Recorder recorder = new Recorder();
        attribution.attach(recorder);

        attribution.settle(Duration.ofMillis(100), timer);
        attribution.write("late line");

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> recorder.closed == 1);
        attribution.write("after close");
        assertThat(recorder.text).containsExactly("late line");
    }

    @Test
    void settlingDoesNotCloseTheNextInvocationsOutput() throws InterruptedException {
        OutputAttribution attribution = new OutputAttribution();
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        attribution.attach(first);
        attribution.settle(Duration.ofMillis(50), timer);
        attribution.attach(second);

        Thread.sleep(200);

        assertThat(first.closed).isEqualTo(1);
        assertThat(second.closed).isZero();
    }

    private static final class Recorder implements ExecutionListener {
        final List<String> text = new ArrayList<>();
        volatile int closed;

        @Override
        public void started(String environmentId, StartKind startKind, EnvironmentPolicy.Isolation isolation,
                Instant at) {
        }

        @Override
        public void output(String chunk) {
            text.add(chunk);
        }

        @Override
        public void outputClosed() {
            closed++;
        }
    }
}
