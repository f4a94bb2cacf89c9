package io.edgecoord.routing;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.PoolView;
import io.edgecoord.invocation.InvocationCause;
import io.edgecoord.invocation.Invocations;
import io.edgecoord.runtime.EnvironmentServices;
import io.edgecoord.shadow.Shadows;

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
 * {@link PublishRequest} put on the MQTT broker; needs a {@code publish} filter matching its topic),
 * and Greengrass's SDKs' calls under {@code greengrass/} ({@link GreengrassSeam}).
 */
@Component
class EnvironmentGateway implements EnvironmentServices {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentGateway.class);
    private static final String JSON = "application/json";

    private final PoolView environments;
    private final Invocations invocations;
    private final ObjectProvider<Shadows> shadows;
    private final GatewayPermissions permissions;
    private final GatewayPublisher publisher;
    private final GreengrassSeam greengrass;
    private final JsonMapper json;

    EnvironmentGateway(PoolView environments, Invocations invocations, ObjectProvider<Shadows> shadows,
            GatewayPermissions permissions, GatewayPublisher publisher, GreengrassSeam greengrass, JsonMapper json) {
        this.environments = environments;
        this.invocations = invocations;
        this.shadows = shadows;
        this.permissions = permissions;
        this.publisher = publisher;
        this.greengrass = greengrass;
        this.json = json;
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
                permissions.check(caller.get(), GatewayAccess.INVOKE, path[1]);
                return invoke(caller.get(), path[1], request.body());
            }
            if (path.length == 1 && path[0].equals("publish") && request.method().equals("POST")) {
                return publish(caller.get(), request.body());
            }
            if (path[0].equals(GreengrassSeam.PATH)) {
                Optional<Reply> reply = greengrass.handle(caller.get(), request.method(), path, request.body(),
                        request.query());
                if (reply.isPresent()) {
                    return reply.get();
                }
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
        permissions.check(caller, access, device);
        Shadows service = shadows.getIfAvailable();
        if (service == null) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "shadows-unavailable", "No shadow service runs here.");
        }
        return reply(200, JSON, json.writeValueAsBytes(access == GatewayAccess.READ_SHADOW ? service.document(device)
                : service.update(device, json.readTree(body), null)));
    }

    private Reply invoke(EnvironmentSpec caller, String task, byte[] payload) {
        String id = invocations.invokeAsync(task, payload, callCause(caller, task));
        return reply(202, JSON, json.writeValueAsBytes(
                Map.of("invocationId", id, "location", "/api/v1/invocations/" + id)));
    }

    /** A call one task makes of another, recorded as its cause. */
    static InvocationCause callCause(EnvironmentSpec caller, String task) {
        return new InvocationCause(null, "task:" + caller.taskName(),
                "tasks/" + Topics.level(caller.taskName()) + "/calls/" + Topics.level(task));
    }

    private Reply publish(EnvironmentSpec caller, byte[] body) {
        PublishRequest message = PublishRequest.parse(json.readTree(body), json);
        publisher.publish(caller, message);
        return reply(200, JSON, json.writeValueAsBytes(Map.of("topic", message.topic(), "qos", message.qos(),
                "retain", message.retain(), "bytes", message.payload().length)));
    }

    private Reply problem(HttpStatus status, String slug, String detail) {
        return reply(status.value(), "application/problem+json",
                json.writeValueAsBytes(GatewayProblems.detail(status, slug, detail)));
    }

    private static Reply reply(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body);
    }
}
