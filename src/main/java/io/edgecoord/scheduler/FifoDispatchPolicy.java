package io.edgecoord.scheduler;

import java.util.List;

/** First in, first out, under a global cap on calls running at once. */
record FifoDispatchPolicy(int maxConcurrent) implements DispatchPolicy {

    @Override
    public List<ScheduledCall> select(List<ScheduledCall> queue, int running) {
        int free = Math.max(0, maxConcurrent - running);
        return queue.subList(0, Math.min(free, queue.size()));
    }
}
