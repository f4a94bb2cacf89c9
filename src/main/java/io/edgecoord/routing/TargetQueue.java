package io.edgecoord.routing;

import java.util.ArrayDeque;

/**
 * The bounded queue of one target, with a priority lane; at most one drainer takes from it.
 * <p>
 * {@link #offer} never blocks beyond a short lock: when the queue is full it drops the oldest
 * ordinary item, or the oldest priority item when only those remain, and hands it back to be
 * counted. It tells the caller when no drainer is running, so the caller starts one; {@link #next}
 * answers null when the queue is empty and, in the same step, marks the drainer stopped.
 *
 * @param <T> the item type
 */
final class TargetQueue<T> {

    /** What an offer did: the item dropped to make room, if any, and whether to start a drainer. */
    record Offered<T>(T dropped, boolean startDrainer) {
    }

    private final int capacity;
    private final ArrayDeque<T> priority = new ArrayDeque<>();
    private final ArrayDeque<T> normal = new ArrayDeque<>();
    private boolean draining;

    TargetQueue(int capacity) {
        this.capacity = capacity;
    }

    synchronized Offered<T> offer(T item, boolean urgent) {
        T dropped = null;
        if (size() >= capacity) {
            dropped = normal.isEmpty() ? priority.pollFirst() : normal.pollFirst();
        }
        (urgent ? priority : normal).addLast(item);
        boolean start = !draining;
        draining = true;
        return new Offered<>(dropped, start);
    }

    /** The next item, priority first; null when empty, and the caller's drainer must then stop. */
    synchronized T next() {
        T item = priority.isEmpty() ? normal.pollFirst() : priority.pollFirst();
        if (item == null) {
            draining = false;
        }
        return item;
    }

    synchronized int size() {
        return priority.size() + normal.size();
    }
}
