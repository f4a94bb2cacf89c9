package io.edgecoord.mqtt;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

import io.moquette.broker.SessionRegistry.EnqueuedMessage;
import io.moquette.broker.SessionRegistry.PublishedMessage;

/**
 * The messages waiting for one subscriber that does not keep up (or, for a persistent session, is
 * away), bounded in count and payload bytes: past either bound the oldest are dropped, released and
 * reported, so a subscriber that never reads costs at most its bound. It replaces the unbounded
 * queue inside Moquette's {@code InMemoryQueue}; Moquette's session loop calls it, and it is locked
 * because Moquette once used a concurrent queue here.
 */
final class SubscriberQueue extends AbstractQueue<EnqueuedMessage> {

    /** Told of messages dropped from a subscriber's queue. */
    interface Drops {

        void dropped(String clientId, int messages);
    }

    private final String clientId;
    private final int maxMessages;
    private final long maxBytes;
    private final Drops drops;
    private final ArrayDeque<EnqueuedMessage> messages = new ArrayDeque<>();
    private long bytes;

    SubscriberQueue(String clientId, int maxMessages, long maxBytes, Drops drops) {
        this.clientId = clientId;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.drops = drops;
    }

    @Override
    public boolean offer(EnqueuedMessage message) {
        int dropped = 0;
        synchronized (this) {
            messages.addLast(message);
            bytes += bytes(message);
            while (messages.size() > 1 && (messages.size() > maxMessages || bytes > maxBytes)) {
                EnqueuedMessage oldest = pollFirst();
                oldest.release();
                dropped++;
            }
        }
        if (dropped > 0) {
            drops.dropped(clientId, dropped);
        }
        return true;
    }

    @Override
    public synchronized EnqueuedMessage poll() {
        return messages.isEmpty() ? null : pollFirst();
    }

    @Override
    public synchronized EnqueuedMessage peek() {
        return messages.peekFirst();
    }

    @Override
    public synchronized int size() {
        return messages.size();
    }

    /** The payload bytes waiting. */
    synchronized long bytes() {
        return bytes;
    }

    /** A snapshot: Moquette iterates only to release what is left when the session is purged. */
    @Override
    public synchronized Iterator<EnqueuedMessage> iterator() {
        return List.copyOf(messages).iterator();
    }

    private EnqueuedMessage pollFirst() {
        EnqueuedMessage first = messages.pollFirst();
        bytes -= bytes(first);
        return first;
    }

    private static long bytes(EnqueuedMessage message) {
        return (message instanceof PublishedMessage published) ? published.getPayload().readableBytes() : 0;
    }
}
