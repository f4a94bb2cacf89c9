package io.edgecoord.execution.docker;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;

import io.edgecoord.execution.EnvironmentStartException;

/**
 * Translates what docker-java throws, once, where it is thrown: an I/O failure means the engine
 * cannot be reached; an HTTP error means it answered, and its own message is what we report.
 */
final class DockerFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerFailures() {
    }

    /** Whether the failure is about reaching the engine rather than what it answered. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DockerException) {
                return false;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the engine answered that the thing asked about does not exist. */
    static boolean isNotFound(Throwable failure) {
        return failure instanceof NotFoundException;
    }

    /** The daemon's own words: its JSON {@code message} when it answered, else the root cause. */
    static String describe(Throwable failure) {
        if (failure instanceof DockerException docker) {
            return daemonMessage(docker.getMessage());
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** Picks {@code message} out of docker-java's "Status 409: {"message":"..."}" text. */
    static String daemonMessage(String text) {
        if (text == null) {
            return "no message";
        }
        int brace = text.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode message = JSON.readTree(text.substring(brace)).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            }
            catch (IOException notJson) {
                // the engine sent plain text; report it as it is
            }
        }
        return text.strip();
    }

    /** The exception to throw for a failed create or start of {@code what}. */
    static RuntimeException onStart(String host, String what, RuntimeException failure) {
        if (isUnreachable(failure)) {
            return new DockerUnavailableException(host, failure);
        }
        return new EnvironmentStartException("Docker could not " + what + ": " + describe(failure), failure);
    }
}
