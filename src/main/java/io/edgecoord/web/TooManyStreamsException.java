package io.edgecoord.web;

import org.springframework.http.HttpStatus;

/** As many event streams are open as {@code edgecoord.web.streams.max} allows (503). */
public class TooManyStreamsException extends ProblemException {

    TooManyStreamsException(int max) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "Too many streams", "The coordinator has " + max + " event streams open, its most (edgecoord.web.streams.max); "
                + "close one or try again later.");
        retryAfter(5);
    }
}
