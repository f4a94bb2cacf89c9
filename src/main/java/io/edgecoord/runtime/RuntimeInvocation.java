package io.edgecoord.runtime;

/**
 * One invocation as the runtime inside an environment receives it from
 * {@code GET /2018-06-01/runtime/invocation/next}.
 *
 * @param requestId sent as {@code Lambda-Runtime-Aws-Request-Id}
 * @param payload the event, sent as the body ({@code application/json})
 * @param deadlineEpochMs sent as {@code Lambda-Runtime-Deadline-Ms}
 * @param functionArn sent as {@code Lambda-Runtime-Invoked-Function-Arn}
 * @param traceId sent as {@code Lambda-Runtime-Trace-Id}
 * @param clientContext sent as {@code Lambda-Runtime-Client-Context} (JSON, as Lambda sends it); null for none
 */
public record RuntimeInvocation(
        String requestId, byte[] payload, long deadlineEpochMs, String functionArn, String traceId,
        String clientContext) {

    /** An invocation without a client context. */
    public RuntimeInvocation(String requestId, byte[] payload, long deadlineEpochMs, String functionArn,
            String traceId) {
        this(requestId, payload, deadlineEpochMs, functionArn, traceId, null);
    }
}
