package io.edgecoord.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open server-sent event stream. {@link #send} never blocks: events wait in a bounded queue
 * that one virtual thread writes to the client, so a slow client cannot stall whoever produces
 * them; a full queue, a write failure, {@code idleTimeout} with nothing sent or the stream's
 * ceiling closes it. Thread-safe.
 */
public final class EventStream {

    private static final Object END = new Object();

    private final SseEmitter emitter;
    private final BlockingQueue<Object> queue;
    private final Duration idleTimeout;
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStream(SseEmitter emitter, int queueSize, Duration idleTimeout) {
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.idleTimeout = idleTimeout;
        emitter.onCompletion(this::ended);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
        Thread.ofVirtual().name("edgecoord-event-stream").start(this::write);
    }

    /** Queues an event; false when the stream is closed (then the caller should stop). */
    public boolean send(String name, Object data) {
        if (closed.get()) {
            return false;
        }
        if (!queue.offer(SseEmitter.event().name(name).data(data))) {
            close();
            return false;
        }
        return true;
    }

    /** Ends the stream once the events queued so far are written. */
    public void close() {
        if (!closed.get() && !queue.offer(END)) {
            emitter.complete();
        }
    }

    /** Whether the stream has ended. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Runs {@code action} once the stream has ended, however it ended. */
    public void onClose(Runnable action) {
        onClose.add(action);
        if (closed.get() && onClose.remove(action)) {
            action.run();
        }
    }

    SseEmitter emitter() {
        return emitter;
    }

    private void write() {
        try {
            while (!closed.get()) {
                Object next = queue.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null || next == END) {
                    break; // idle too long, or asked to end
                }
                emitter.send((SseEmitter.SseEventBuilder) next);
            }
            emitter.complete();
        }
        catch (IOException | IllegalStateException ex) {
            // The client went away (or the stream completed meanwhile): nothing left to write to.
            emitter.completeWithError(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    private void ended() {
        if (closed.compareAndSet(false, true)) {
            onClose.forEach(action -> {
                if (onClose.remove(action)) {
                    action.run();
                }
            });
        }
    }
}
