package io.edgecoord.scheduler;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/**
 * A queue holds as many calls as it may: the task's own, or the coordinator's in all. The caller
 * should try again later (429 with {@code Retry-After}); nothing of the call was kept.
 */
public class QueueFullException extends ProblemException {

    private QueueFullException(String detail) {
        super(HttpStatus.TOO_MANY_REQUESTS, "queue-full", "Too many queued calls", detail);
        retryAfter(1);
    }

    static QueueFullException coordinator(int maxQueueLength) {
        return new QueueFullException("The coordinator already holds " + maxQueueLength
                + " queued calls; try again shortly.");
    }

    static QueueFullException task(String task, int maxQueueLength) {
        return new QueueFullException("Task '" + task + "' already has " + maxQueueLength
                + " queued calls; try again shortly.");
    }
}
