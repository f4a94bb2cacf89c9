package io.edgecoord.scheduler;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A queue holds as many calls as it may: the task's own, or the coordinator's in all. The caller
 * should try again later (429 with {@code Retry-After}); nothing of the call was kept.
 */
public class QueueFullException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/queue-full");

    private QueueFullException(String detail) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        setType(TYPE);
        setTitle("Too many queued calls");
        setDetail(detail);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
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
