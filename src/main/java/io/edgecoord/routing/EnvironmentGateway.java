package io.edgecoord.routing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ResourceManager;
import io.edgecoord.invocation.InvocationCause;
import io.edgecoord.invocation.Invocations;
import io.edgecoord.mqtt.InvalidTopicException;
import io.edgecoord.mqtt.MqttPublisher;
import io.edgecoord.runtime.EnvironmentServices;
import io.edgecoord.shadow.Shadows;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskPermissions;

/**
 * The coordinator as a task reaches it from inside its environment, on its own Runtime API
 * endpoint ({@code http://$AWS_LAMBDA_RUNTIME_API/edgecoord/v1/...}): read and update device
 * shadows, and invoke other tasks asynchronously. The caller is known by the socket it called
 * on, so its calls are recorded as the cause of what they start, with no token to steal; and it
 * reaches only what its task version's permissions name ({@link GatewayAccess}), else 403.
 *
 * <p>{@code GET shadows/{device}} (needs {@code shadows.read}), {@code PATCH shadows/{device}} (an
 * update request document; needs {@code shadows.write}), {@code POST tasks/{name}/invoke} (202 with
 * the invocation's id and location; needs {@code invoke}), {@code POST publish} (a
 * {@link PublishRequest} put on the MQTT broker; needs a {@code publish} filter matching its topic).
 */
@Component
class EnvironmentGateway implements EnvironmentServices {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentGateway.class);
    private static final String JSON = "application/json";

    private final ResourceManager environments;
    private final Invocations invocations;
    private final ObjectProvider<Shadows> shadows;
    private final TaskCatalog tasks;
    private final JsonMapper json;
    private final ObjectProvider<MqttPublisher> broker;

    EnvironmentGateway(ResourceManager environments, Invocations invocations, ObjectProvider<Shadows> shadows,
            TaskCatalog tasks, JsonMapper json, ObjectProvider<MqttPublisher> broker) {
        this.environments = environments;
        this.invocations = invocations;
        this.shadows = shadows;
        this.tasks = tasks;
        this.json = json;
        this.broker = broker;
    }

    @Override
    public Reply handle(Request request) {
        Optional<EnvironmentSpec> caller = environments.environment(request.environmentId());
        if (caller.isEmpty()) {
            return problem(HttpStatus.GONE, "environment-gone", "This environment is no longer live.");
        }
        String[] path = request.path().split("/", -1);
        try {
            if (path.length == 2 && path[0].equals("shadows") && !path[1].isEmpty()) {
                return shadow(caller.get(), request.method(), path[1], request.body());
            }
            if (path.length == 3 && path[0].equals("tasks") && path[2].equals("invoke")
                    && request.method().equals("POST")) {
                authorize(caller.get(), GatewayAccess.INVOKE, path[1]);
                return invoke(caller.get(), path[1], request.body());
            }
            if (path.length == 1 && path[0].equals("publish") && request.method().equals("POST")) {
                return publish(caller.get(), request.body());
            }
            return problem(HttpStatus.NOT_FOUND, "not-found", "No coordinator service at /edgecoord/v1/"
                    + request.path() + " for " + request.method() + ".");
        }
        catch (ErrorResponseException ex) {
            return reply(ex.getStatusCode().value(), "application/problem+json", json.writeValueAsBytes(ex.getBody()));
        }
        catch (JacksonException ex) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The body is not a JSON document.");
        }
        catch (RuntimeException ex) {
            log.warn("A call from environment {} to {} failed", request.environmentId(), request.path(), ex);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The coordinator failed; see its log.");
        }
    }

    private Reply shadow(EnvironmentSpec caller, String method, String device, byte[] body) {
        GatewayAccess access = switch (method) {
            case "GET" -> GatewayAccess.READ_SHADOW;
            case "PATCH", "POST" -> GatewayAccess.WRITE_SHADOW;
            default -> null;
        };
        if (access == null) {
            return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Use GET or PATCH.");
        }
        authorize(caller, access, device);
        Shadows service = shadows.getIfAvailable();
        if (service == null) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "shadows-unavailable", "No shadow service runs here.");
        }
        return reply(200, JSON, json.writeValueAsBytes(access == GatewayAccess.READ_SHADOW ? service.document(device)
                : service.update(device, json.readTree(body), null)));
    }

    /** Read on every call, one indexed query, so that there is no cache to invalidate when a task is deleted. */
    private void authorize(EnvironmentSpec caller, GatewayAccess access, String target) {
        TaskPermissions granted = tasks.permissions(caller.taskName(), caller.taskVersion())
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.GONE, problemDetail(HttpStatus.GONE,
                        "environment-gone", "Task " + caller.taskName() + " version " + caller.taskVersion()
                                + " is no longer deployed."), null));
        access.check(caller.taskName(), caller.taskVersion(), granted, target);
    }

    private Reply invoke(EnvironmentSpec caller, String task, byte[] payload) {
        InvocationCause cause = new InvocationCause(null, "task:" + caller.taskName(),
                "tasks/" + Topics.level(caller.taskName()) + "/calls/" + Topics.level(task));
        String id = invocations.invokeAsync(task, payload, cause);
        return reply(202, JSON, json.writeValueAsBytes(
                Map.of("invocationId", id, "location", "/api/v1/invocations/" + id)));
    }

    private Reply publish(EnvironmentSpec caller, byte[] body) {
        PublishRequest message = PublishRequest.parse(json.readTree(body), json);
        authorize(caller, GatewayAccess.PUBLISH, message.topic());
        MqttPublisher service = broker.getIfAvailable();
        if (service == null) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "mqtt-unavailable", "No MQTT broker runs here.");
        }
        try {
            service.publish(message.topic(), message.payload(), message.qos(), message.retain());
        }
        catch (InvalidTopicException ex) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-publish", ex.getMessage());
        }
        return reply(200, JSON, json.writeValueAsBytes(Map.of("topic", message.topic(), "qos", message.qos(),
                "retain", message.retain(), "bytes", message.payload().length)));
    }

    private Reply problem(HttpStatus status, String slug, String detail) {
        return reply(status.value(), "application/problem+json",
                json.writeValueAsBytes(problemDetail(status, slug, detail)));
    }

    private static ProblemDetail problemDetail(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://edgecoord.io/problems/" + slug));
        return problem;
    }

    private static Reply reply(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body);
    }
}
