package io.edgecoord.scheduler;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The queue holds as many calls as it may; the caller should try again later (429). */
public class QueueFullException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/queue-full");

    QueueFullException(int maxQueueLength) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        setType(TYPE);
        setTitle("Too many queued calls");
        setDetail("The coordinator already holds " + maxQueueLength + " queued calls; try again shortly.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
}
