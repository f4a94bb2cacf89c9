package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;
import io.edgecoord.web.Problems;

/** A deploy request breaks a rule of task definitions: runtime, handler, environment or code choice (400). */
class InvalidTaskException extends ProblemException {

    private static final String SLUG = "invalid-task";

    static final URI TYPE = Problems.type(SLUG);

    InvalidTaskException(String detail) {
        super(HttpStatus.BAD_REQUEST, SLUG, "Invalid task", detail);
    }

    static InvalidTaskException unknownRuntime(String runtime) {
        InvalidTaskException ex = new InvalidTaskException("Unknown runtime '" + runtime + "'; valid runtimes are "
                + String.join(", ", TaskRuntime.ids()) + ".");
        ex.property("validRuntimes", TaskRuntime.ids());
        return ex;
    }
}
