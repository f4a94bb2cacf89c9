package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A deploy request breaks a rule of task definitions: runtime, handler, environment or code choice (400). */
class InvalidTaskException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-task");

    InvalidTaskException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid task");
        setDetail(detail);
    }

    static InvalidTaskException unknownRuntime(String runtime) {
        InvalidTaskException ex = new InvalidTaskException("Unknown runtime '" + runtime + "'; valid runtimes are "
                + String.join(", ", TaskRuntime.ids()) + ".");
        ex.getBody().setProperty("validRuntimes", TaskRuntime.ids());
        return ex;
    }
}
