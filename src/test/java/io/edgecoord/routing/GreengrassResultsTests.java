package io.edgecoord.routing;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.edgecoord.invocation.TaskCall;

import static org.assertj.core.api.Assertions.assertThat;

class GreengrassResultsTests {

    private final GreengrassResults results = new GreengrassResults();

    @Test
    void onlyTheTaskThatPostedACallMayFetchItsEnd() {
        CompletableFuture<TaskCall.Ended> end = new CompletableFuture<>();
        results.keep("caller", "inv-1", end);

        assertThat(results.find("caller", "inv-1")).contains(end);
        assertThat(results.find("other", "inv-1")).isEmpty();
        assertThat(results.find("caller", "inv-2")).isEmpty();
    }

    @Test
    void theOldestAreDroppedOnceTheResultsHeldPassTheByteBound() {
        int size = 6 * 1024 * 1024;
        for (int i = 0; i < 12; i++) {
            CompletableFuture<TaskCall.Ended> end = new CompletableFuture<>();
            results.keep("t", "inv-" + i, end);
            end.complete(new TaskCall.Ended(true, new byte[size], null));
        }

        assertThat(results.usage().bytes()).isLessThanOrEqualTo(GreengrassResults.MAX_BYTES);
        assertThat(results.usage().calls()).isEqualTo(10);
        assertThat(results.find("t", "inv-0")).isEmpty();
        assertThat(results.find("t", "inv-1")).isEmpty();
        assertThat(results.find("t", "inv-11")).isPresent();
    }

    @Test
    void theOldestAreDroppedPastTheCountBoundWhetherOrNotTheyEnded() {
        for (int i = 0; i <= GreengrassResults.MAX_KEPT; i++) {
            results.keep("t", "inv-" + i, new CompletableFuture<>());
        }

        assertThat(results.usage()).isEqualTo(new GreengrassResults.Usage(GreengrassResults.MAX_KEPT, 0));
        assertThat(results.find("t", "inv-0")).isEmpty();
        assertThat(results.find("t", "inv-1")).isPresent();
    }
}
