package io.edgecoord.task;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A task version's secret environment variables in plain text, sorted by name. Lives only in memory,
 * between a deploy request and the cipher, and between the cipher and an environment's start; its
 * {@link #toString()} names the variables and never shows a value.
 *
 * @param values the values by variable name
 */
record SecretEnvironment(Map<String, String> values) {

    /** No secret variables. */
    static final SecretEnvironment NONE = new SecretEnvironment(Map.of());

    SecretEnvironment {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The secret variables of a deploy request, already checked by {@link TaskSettings#of}. */
    static SecretEnvironment of(DeployTaskRequest request) {
        return (request.secretEnvironment() != null) ? new SecretEnvironment(request.secretEnvironment()) : NONE;
    }

    @Override
    public String toString() {
        return "SecretEnvironment" + this.values.keySet();
    }
}
