package io.edgecoord.routing;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.invocation.Invocations;
import io.edgecoord.invocation.TaskCall;
import io.edgecoord.runtime.EnvironmentServices.Reply;
import io.edgecoord.shadow.ShadowRequests;

/**
 * The core side of Greengrass's SDKs, on every environment's in-task API: the work their IPC
 * clients post ({@code POST greengrass/invocations}, 202 with an id) and its result
 * ({@code GET greengrass/invocations/{id}?wait=<seconds>}). A call of {@code GGRouter} is a publish,
 * of {@code GGShadowService} a shadow request answered as AWS IoT does, of any other function a
 * task; each needs the same permission as the native in-task call. Publishes and shadow requests
 * end before the 202; task calls end when their invocation does. docs/greengrass.md has the contract.
 */
@Component
class GreengrassSeam {

    /** The first path level of the seam under {@code /edgecoord/v1/}. */
    static final String PATH = "greengrass";

    private static final String INVOCATIONS = "invocations";
    private static final int DEFAULT_WAIT_SECONDS = 30;
    /** Below the Runtime API's idle timeout (5 minutes), so a waiting connection is never cut. */
    private static final int MAX_WAIT_SECONDS = 240;

    private final GatewayPermissions permissions;
    private final GatewayPublisher publisher;
    private final ObjectProvider<ShadowRequests> shadows;
    private final Invocations invocations;
    private final GreengrassResults results;
    private final JsonMapper json;

    GreengrassSeam(GatewayPermissions permissions, GatewayPublisher publisher, ObjectProvider<ShadowRequests> shadows,
            Invocations invocations, GreengrassResults results, JsonMapper json) {
        this.permissions = permissions;
        this.publisher = publisher;
        this.shadows = shadows;
        this.invocations = invocations;
        this.results = results;
        this.json = json;
    }

    /** Serves {@code greengrass/...}; empty for a path or method the seam does not have. */
    Optional<Reply> handle(EnvironmentSpec caller, String method, String[] path, byte[] body, String query) {
        if (path.length == 2 && path[1].equals(INVOCATIONS) && method.equals("POST")) {
            return Optional.of(post(caller, GreengrassCall.parse(json.readTree(body), json)));
        }
        if (path.length == 3 && path[1].equals(INVOCATIONS) && !path[2].isEmpty() && method.equals("GET")) {
            return Optional.of(result(caller, path[2], waitSeconds(query)));
        }
        return Optional.empty();
    }

    private Reply post(EnvironmentSpec caller, GreengrassCall call) {
        String id;
        CompletableFuture<TaskCall.Ended> end;
        switch (call.target()) {
            case GreengrassCall.Publish publish -> {
                publisher.publish(caller, new PublishRequest(publish.topic(), call.payload(), 0, false));
                id = UUID.randomUUID().toString();
                end = CompletableFuture.completedFuture(new TaskCall.Ended(true, new byte[0], null));
            }
            case GreengrassCall.Shadow shadow -> {
                id = UUID.randomUUID().toString();
                end = CompletableFuture.completedFuture(shadow(caller, shadow, call.payload()));
            }
            case GreengrassCall.Task task -> {
                permissions.check(caller, GatewayAccess.INVOKE, task.name());
                TaskCall.Started started = invocations.call(new TaskCall(task.name(), task.qualifier(), call.payload(),
                        call.awaited(), EnvironmentGateway.callCause(caller, task.name()), call.clientContext()));
                id = started.id();
                end = started.end();
            }
        }
        results.keep(caller.taskName(), id, end);
        return new Reply(202, "application/json", json.writeValueAsBytes(Map.of("invocationId", id)));
    }

    /** AWS's accepted document or its error document is the call's result; an unknown thing is 404. */
    private TaskCall.Ended shadow(EnvironmentSpec caller, GreengrassCall.Shadow shadow, byte[] payload) {
        permissions.check(caller, shadow.reads() ? GatewayAccess.READ_SHADOW : GatewayAccess.WRITE_SHADOW,
                shadow.thing());
        ShadowRequests service = shadows.getIfAvailable();
        if (service == null) {
            throw GatewayProblems.exception(HttpStatus.SERVICE_UNAVAILABLE, "shadows-unavailable",
                    "No shadow service runs here.");
        }
        ShadowRequests.Answer answer = service.answer(shadow.topic(), payload).orElseThrow();
        if (answer.unknownThing()) {
            throw GatewayProblems.exception(HttpStatus.NOT_FOUND, "device-not-found",
                    "No device is named '" + shadow.thing() + "'.");
        }
        return new TaskCall.Ended(true, json.writeValueAsBytes(answer.document()), null);
    }

    private Reply result(EnvironmentSpec caller, String id, int waitSeconds) {
        CompletableFuture<TaskCall.Ended> end = results.find(caller.taskName(), id).orElseThrow(() ->
                GatewayProblems.exception(HttpStatus.NOT_FOUND, "greengrass-invocation-not-found",
                        "No call " + id + " of this task is known here (results are kept in memory, the latest "
                                + GreengrassResults.MAX_KEPT + " calls within " + GreengrassResults.MAX_BYTES
                                + " bytes)."));
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            TaskCall.Ended ended = end.get(waitSeconds, TimeUnit.SECONDS);
            answer.put("status", ended.succeeded() ? "SUCCEEDED" : "FAILED");
            answer.put("payload", ended.payload() == null || ended.payload().length == 0 ? null
                    : Base64.getEncoder().encodeToString(ended.payload()));
            answer.put("functionError", ended.functionError());
        }
        catch (TimeoutException ex) {
            running(answer);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running(answer);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("A call's end completed exceptionally", ex.getCause());
        }
        return new Reply(200, "application/json", json.writeValueAsBytes(answer));
    }

    private static void running(Map<String, Object> answer) {
        answer.put("status", "RUNNING");
        answer.put("payload", null);
        answer.put("functionError", null);
    }

    /** {@code wait=<seconds>} from the query, 0 to {@value #MAX_WAIT_SECONDS}; 30 when absent. */
    static int waitSeconds(String query) {
        if (query == null || query.isEmpty()) {
            return DEFAULT_WAIT_SECONDS;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("wait=")) {
                String value = pair.substring("wait=".length());
                if (!value.matches("\\d{1,6}")) {
                    throw new InvalidGreengrassCallException("wait must be a number of seconds; got " + value + ".");
                }
                return Math.min(Integer.parseInt(value), MAX_WAIT_SECONDS);
            }
        }
        return DEFAULT_WAIT_SECONDS;
    }
}
