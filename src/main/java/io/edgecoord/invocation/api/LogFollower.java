package io.edgecoord.invocation.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.edgecoord.invocation.lifecycle.InvocationService;
import io.edgecoord.invocation.lifecycle.LiveLogs;
import io.edgecoord.invocation.lifecycle.LogBuffer;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationLog;
import io.edgecoord.web.EventStream;
import io.edgecoord.web.EventStreams;

/**
 * Streams what an invocation prints as it prints it: an {@code output} event per new chunk
 * ({@code {"text": …}}), then one {@code end} event ({@code {"status": …, "truncated": …}}) once
 * the record is final. A call still queued is looked at again every {@value #QUEUED_MS} ms; a
 * running one wakes the stream on each append. One virtual thread per stream, ended with it.
 */
@Component
class LogFollower {

    private static final Logger log = LoggerFactory.getLogger(LogFollower.class);
    private static final long QUEUED_MS = 250;
    private static final long RUNNING_MS = 1000; // a missed wake-up costs at most this

    private final InvocationService invocations;
    private final LiveLogs liveLogs;
    private final EventStreams streams;

    LogFollower(InvocationService invocations, LiveLogs liveLogs, EventStreams streams) {
        this.invocations = invocations;
        this.liveLogs = liveLogs;
        this.streams = streams;
    }

    EventStream follow(String id) {
        invocations.find(id);
        EventStream stream = streams.open();
        Thread.ofVirtual().name("edgecoord-log-follower-" + id).start(() -> run(id, stream));
        return stream;
    }

    private void run(String id, EventStream stream) {
        Semaphore changed = new Semaphore(0);
        stream.onClose(changed::release);
        int sent = 0;
        try {
            while (!stream.isClosed()) {
                Optional<LogBuffer> live = liveLogs.find(id);
                if (live.isPresent()) {
                    sent = followBuffer(live.get(), stream, changed, sent);
                    continue;
                }
                Invocation now = invocations.find(id);
                if (now.status().isFinal()) {
                    Optional<InvocationLog> stored = invocations.logs(id);
                    sendNew(stream, stored.map(InvocationLog::text).orElse(""), sent);
                    stream.send("end", Map.of("status", now.status().name(),
                            "truncated", stored.map(InvocationLog::truncated).orElse(false)));
                    stream.close();
                    return;
                }
                changed.tryAcquire(QUEUED_MS, TimeUnit.MILLISECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stream.close();
        }
        catch (RuntimeException ex) {
            log.warn("Following the log of invocation {} failed", id, ex);
            stream.close();
        }
    }

    /** Sends what the buffer gains until it ends or the stream closes; the characters sent so far. */
    private static int followBuffer(LogBuffer buffer, EventStream stream, Semaphore changed, int sent)
            throws InterruptedException {
        Runnable unwatch = buffer.watch(changed::release);
        try {
            while (!stream.isClosed()) {
                boolean ended = buffer.ended(); // read before the text, so nothing appended after is missed
                sent = sendNew(stream, buffer.text(), sent);
                if (ended) {
                    break;
                }
                changed.tryAcquire(RUNNING_MS, TimeUnit.MILLISECONDS);
                changed.drainPermits();
            }
            return sent;
        }
        finally {
            unwatch.run();
        }
    }

    /** Sends the part of {@code text} past {@code sent}; a shorter text is a new attempt's, sent whole. */
    private static int sendNew(EventStream stream, String text, int sent) {
        int from = text.length() < sent ? 0 : sent;
        if (text.length() > from) {
            stream.send("output", Map.of("text", text.substring(from)));
        }
        return text.length();
    }
}
