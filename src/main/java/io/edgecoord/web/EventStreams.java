package io.edgecoord.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Opens server-sent event streams within {@link StreamProperties}' bounds: at most {@code max} at
 * once (one more is refused with {@link TooManyStreamsException}), each closed when idle or at its
 * ceiling. The slot is given back however the stream ends. At shutdown every open stream is
 * closed before the web server's graceful shutdown begins, which would otherwise wait its whole
 * grace for streams that never end by themselves.
 */
@Component
public class EventStreams implements SmartLifecycle {

    private final StreamProperties properties;
    private final Semaphore slots;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    EventStreams(StreamProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.max());
    }

    /** A new stream, counted against the bound until it ends. */
    public EventStream open() {
        if (!slots.tryAcquire()) {
            throw new TooManyStreamsException(properties.max());
        }
        try {
            SseEmitter emitter = new SseEmitter(properties.maxDuration().toMillis());
            EventStream stream = new EventStream(emitter, properties.queue(), properties.idleTimeout());
            open.add(stream);
            stream.onClose(() -> {
                open.remove(stream);
                slots.release();
            });
            if (!running) {
                stream.close();
            }
            return stream;
        }
        catch (RuntimeException ex) {
            slots.release();
            throw ex;
        }
    }

    /** What a controller returns for {@code stream}. */
    public static SseEmitter response(EventStream stream) {
        return stream.emitter();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(EventStream::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Just before the web server's graceful shutdown (its phase, DEFAULT_PHASE - 1024). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024 + 1;
    }

    /** Streams open now. */
    public int openStreams() {
        return properties.max() - slots.availablePermits();
    }
}
