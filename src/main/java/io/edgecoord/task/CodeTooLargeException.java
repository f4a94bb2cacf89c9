package io.edgecoord.task;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** The code artifact is over a size limit: compressed size, unpacked size or entry count (413). */
class CodeTooLargeException extends ProblemException {

    CodeTooLargeException(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "code-too-large", "Code too large", detail);
    }
}
