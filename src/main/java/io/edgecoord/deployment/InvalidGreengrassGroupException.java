package io.edgecoord.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.web.Problems;

/** A Greengrass v1 group export cannot become a bundle: its shape, or a function without runtime or code (400). */
class InvalidGreengrassGroupException extends ErrorResponseException {

    /**
     * @param item the bad item as a path into the request, such as {@code functions[0] (hello)}
     * @param detail what is wrong with it
     */
    InvalidGreengrassGroupException(String item, String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(Problems.type("invalid-greengrass-group"));
        setTitle("Invalid Greengrass group");
        setDetail(item + ": " + detail);
        getBody().setProperty("item", item);
    }
}
