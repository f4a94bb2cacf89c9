package io.edgecoord.web;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Opens server-sent event streams within {@link StreamProperties}' bounds: at most {@code max} at
 * once (one more is refused with {@link TooManyStreamsException}), each closed when idle or at its
 * ceiling. The slot is given back however the stream ends.
 */
@Component
public class EventStreams {

    private final StreamProperties properties;
    private final Semaphore slots;

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
            stream.onClose(slots::release);
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

    /** Streams open now. */
    public int openStreams() {
        return properties.max() - slots.availablePermits();
    }
}
