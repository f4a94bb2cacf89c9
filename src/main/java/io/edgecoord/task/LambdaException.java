package io.edgecoord.task;

import org.springframework.http.HttpStatus;

/**
 * An error of Lambda's control plane, as AWS's clients parse it: the status, the code they read
 * from {@code x-amzn-ErrorType}, and a message.
 */
class LambdaException extends RuntimeException {

    private final HttpStatus status;

    private final String code;

    LambdaException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static LambdaException notFound(String message) {
        return new LambdaException(HttpStatus.NOT_FOUND, "ResourceNotFoundException", message);
    }

    static LambdaException conflict(String message) {
        return new LambdaException(HttpStatus.CONFLICT, "ResourceConflictException", message);
    }

    /** A {@code RevisionId} that is not the function's latest (412). */
    static LambdaException stale() {
        return new LambdaException(HttpStatus.PRECONDITION_FAILED, "PreconditionFailedException", "The Revision Id "
                + "provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the "
                + "latest Revision Id");
    }

    static LambdaException invalid(String message) {
        return new LambdaException(HttpStatus.BAD_REQUEST, "InvalidParameterValueException", message);
    }

    HttpStatus status() {
        return this.status;
    }

    String code() {
        return this.code;
    }
}
