package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The code artifact is over a size limit: compressed size, unpacked size or entry count (413). */
class CodeTooLargeException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/code-too-large");

    CodeTooLargeException(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE);
        setType(TYPE);
        setTitle("Code too large");
        setDetail(detail);
    }
}
