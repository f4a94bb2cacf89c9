package io.edgecoord.invocation.lifecycle;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.invocation.InvocationCause;

/**
 * The Lambda client context the runtime is handed for an invocation: the one its caller sent, else,
 * for a call a subscription routed, {@code {"custom": {"subject": <topic>}}} as Greengrass gave its
 * functions. Pure.
 */
final class ClientContexts {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ClientContexts() {
    }

    /** The context as JSON text, or null for none. */
    static String of(String sent, InvocationCause cause) {
        if (sent != null) {
            return sent;
        }
        if (cause == null || cause.subscription() == null || cause.topic() == null) {
            return null;
        }
        return JSON.writeValueAsString(Map.of("custom", Map.of("subject", cause.topic())));
    }
}
