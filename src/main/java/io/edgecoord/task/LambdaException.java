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
