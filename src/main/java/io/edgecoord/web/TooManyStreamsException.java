package io.edgecoord.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** As many event streams are open as {@code edgecoord.web.streams.max} allows (503). */
public class TooManyStreamsException extends ErrorResponseException {

    TooManyStreamsException(int max) {
        super(HttpStatus.SERVICE_UNAVAILABLE);
        setType(Problems.type("too-many-streams"));
        setTitle("Too many streams");
        setDetail("The coordinator has " + max + " event streams open, its most (edgecoord.web.streams.max); "
                + "close one or try again later.");
        getHeaders().set("Retry-After", "5");
    }
}
