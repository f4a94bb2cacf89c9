package io.edgecoord.invocation.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationCause;
import io.edgecoord.invocation.Invocations;
import io.edgecoord.invocation.TaskCall;
import io.edgecoord.invocation.store.Invocation;

/**
 * Invokes tasks for other modules (the router, the in-task API) exactly as the REST API does: the
 * record, with its cause, is committed before this returns for an asynchronous call. Refusals
 * surface as the same named exceptions the API renders (task not found, queue full, invalid
 * payload, no environment can be started), so the caller can count them.
 */
@Service
class AsyncInvocations implements Invocations {

    private static final String UNHANDLED = "Unhandled";

    private final InvocationService service;
    private final JsonMapper json;

    AsyncInvocations(InvocationService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    @Override
    public String invokeAsync(String task, byte[] payload, InvocationCause cause) {
        return service.invoke(task, null, payload, Invocation.Mode.ASYNC, cause).invocation().id();
    }

    @Override
    public TaskCall.Started call(TaskCall call) {
        InvocationService.Accepted accepted = service.invokeCalled(call);
        return new TaskCall.Started(accepted.invocation().id(), accepted.done().handle((done, failure) ->
                failure == null ? ended(done) : failed("Coordinator.Failed", String.valueOf(failure.getMessage()))));
    }

    /** As Lambda's Invoke reports an end; only SUCCEEDED carries the function's result. */
    TaskCall.Ended ended(Invocation done) {
        return switch (done.status()) {
            case SUCCEEDED -> new TaskCall.Ended(true,
                    done.result() == null ? "null".getBytes(StandardCharsets.UTF_8) : done.result(), null);
            case TIMED_OUT -> failed("Sandbox.Timedout", "RequestId: " + done.id() + " Error: " + done.errorMessage());
            case FAILED, DEAD_LETTERED -> done.errorSource() == ErrorSource.FUNCTION
                    ? new TaskCall.Ended(false, done.errorBody() != null ? done.errorBody()
                            : error(done.errorType(), done.errorMessage()), functionError(done.errorType()))
                    : failed(done.errorType(), done.errorMessage());
            case CANCELLED -> failed("Coordinator.Cancelled", done.errorMessage());
            case EXPIRED -> failed("Coordinator.Expired", done.errorMessage());
            case QUEUED, RUNNING -> failed("Coordinator.NotEnded", "Invocation " + done.id() + " has not ended");
        };
    }

    /** What the function raised is Handled; what its runtime reported (Runtime.*, Sandbox.*) is not. */
    private static String functionError(String errorType) {
        return errorType != null && (errorType.startsWith("Runtime.") || errorType.startsWith("Sandbox."))
                ? UNHANDLED : "Handled";
    }

    private TaskCall.Ended failed(String type, String message) {
        return new TaskCall.Ended(false, error(type, message), UNHANDLED);
    }

    private byte[] error(String type, String message) {
        Map<String, String> document = new LinkedHashMap<>();
        document.put("errorMessage", message);
        document.put("errorType", type);
        return json.writeValueAsBytes(document);
    }
}
