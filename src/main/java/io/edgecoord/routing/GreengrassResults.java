package io.edgecoord.routing;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import io.edgecoord.invocation.TaskCall;

/**
 * The ends of the calls the Greengrass seam accepted, by invocation id, for the caller to fetch
 * ({@code GET greengrass/invocations/{id}}). Kept in memory and bounded, by count and by the
 * bytes of the results held: the SDKs fetch a result right after posting the work, so the oldest
 * are dropped past {@value #MAX_KEPT} calls or {@value #MAX_BYTES} bytes; a restart forgets them
 * all. Only the task that posted a call may fetch its end. Thread-safe.
 */
@Component
class GreengrassResults {

    static final int MAX_KEPT = 10_000;
    /** Results may be 6 MB each: without this bound 10,000 of them could fill the heap. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final class Kept {
        final String task;
        final CompletableFuture<TaskCall.Ended> end;
        long bytes;

        Kept(String task, CompletableFuture<TaskCall.Ended> end) {
            this.task = task;
            this.end = end;
        }
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>();
    private long bytes;

    /** Keeps a call's end for {@code task} to fetch. */
    synchronized void keep(String task, String id, CompletableFuture<TaskCall.Ended> end) {
        Kept call = new Kept(task, end);
        kept.put(id, call);
        end.thenAccept(ended -> ended(id, call, ended));
        trim();
    }

    /** The end of call {@code id}, if {@code task} posted it and it is still kept. */
    synchronized Optional<CompletableFuture<TaskCall.Ended>> find(String task, String id) {
        Kept call = kept.get(id);
        return call != null && call.task.equals(task) ? Optional.of(call.end) : Optional.empty();
    }

    /** How many calls are kept, and the bytes of the results they hold. */
    record Usage(int calls, long bytes) {
    }

    synchronized Usage usage() {
        return new Usage(kept.size(), bytes);
    }

    private synchronized void ended(String id, Kept call, TaskCall.Ended ended) {
        if (kept.get(id) == call && ended.payload() != null) {
            call.bytes = ended.payload().length;
            bytes += call.bytes;
            trim();
        }
    }

    private void trim() {
        Iterator<Kept> oldest = kept.values().iterator();
        while ((kept.size() > MAX_KEPT || bytes > MAX_BYTES) && oldest.hasNext()) {
            bytes -= oldest.next().bytes;
            oldest.remove();
        }
    }
}
