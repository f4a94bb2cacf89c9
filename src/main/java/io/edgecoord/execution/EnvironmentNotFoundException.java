package io.edgecoord.execution;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No live environment has this id: it never existed or is already gone (404). */
public class EnvironmentNotFoundException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/environment-not-found");

    EnvironmentNotFoundException(String environmentId) {
        super(HttpStatus.NOT_FOUND);
        setType(TYPE);
        setTitle("Environment not found");
        setDetail("No live environment has the id '" + environmentId + "'.");
        getBody().setProperty("environmentId", environmentId);
    }
}
