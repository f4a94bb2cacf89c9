package io.edgecoord.deployment;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A Greengrass v1 group export cannot become a bundle: its shape, or a function without runtime or code (400). */
class InvalidGreengrassGroupException extends ProblemException {

    /**
     * @param item the bad item as a path into the request, such as {@code functions[0] (hello)}
     * @param detail what is wrong with it
     */
    InvalidGreengrassGroupException(String item, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-greengrass-group", "Invalid Greengrass group", item + ": " + detail);
        property("item", item);
    }
}
