package io.edgecoord.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import io.edgecoord.invocation.TaskCall;

/**
 * The ends of the calls the Greengrass seam accepted, by invocation id, for the caller to fetch
 * ({@code GET greengrass/invocations/{id}}). Kept in memory and bounded: the SDKs fetch a result
 * right after posting the work, so the oldest are dropped past {@value #MAX_KEPT}; a restart
 * forgets them all. Only the task that posted a call may fetch its end. Thread-safe.
 */
@Component
class GreengrassResults {

    static final int MAX_KEPT = 10_000;

    private record Kept(String task, CompletableFuture<TaskCall.Ended> end) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };

    /** Keeps a call's end for {@code task} to fetch. */
    synchronized void keep(String task, String id, CompletableFuture<TaskCall.Ended> end) {
        kept.put(id, new Kept(task, end));
    }

    /** The end of call {@code id}, if {@code task} posted it and it is still kept. */
    synchronized Optional<CompletableFuture<TaskCall.Ended>> find(String task, String id) {
        Kept call = kept.get(id);
        return call != null && call.task().equals(task) ? Optional.of(call.end()) : Optional.empty();
    }
}
