package io.edgecoord.invocation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No invocation has this id (404). */
public class InvocationNotFoundException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/invocation-not-found");

    InvocationNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND);
        setType(TYPE);
        setTitle("Invocation not found");
        setDetail("No invocation has the id '" + id + "'.");
    }
}
