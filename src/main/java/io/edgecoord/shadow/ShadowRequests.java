package io.edgecoord.shadow;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers AWS IoT Device Shadow requests named by their topic
 * ({@code $aws/things/{name}/shadow/update|get|delete}) as AWS does: the accepted document, or
 * AWS's error document ({@code code}, {@code message}, {@code timestamp}, the request's
 * {@code clientToken}). Who may ask is the caller's decision.
 */
@Component
public class ShadowRequests {

    private final ShadowService shadows;
    private final JsonMapper json;
    private final Clock clock;

    ShadowRequests(ShadowService shadows, JsonMapper json, Clock clock) {
        this.shadows = shadows;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An answer.
     *
     * @param accepted true for an accepted document, false for AWS's error document
     * @param document what AWS answers on {@code .../accepted} or {@code .../rejected}
     * @param unknownThing true when no device has the thing's name (rejected with 404)
     */
    public record Answer(boolean accepted, ObjectNode document, boolean unknownThing) {
    }

    /** The device a request topic names, if it is one; the operation is the topic's last level. */
    public static Optional<String> thing(String topic) {
        return ShadowTopic.parse(topic).map(ShadowTopic::device);
    }

    /** Whether a request topic only reads (get), so that read permission is enough. */
    public static boolean reads(String topic) {
        return ShadowTopic.parse(topic).map(t -> t.operation() == ShadowTopic.Operation.GET).orElse(false);
    }

    /** Answers a request; empty when the topic is not a shadow request topic. */
    public Optional<Answer> answer(String topic, byte[] payload) {
        return ShadowTopic.parse(topic).map(request -> answer(request, payload));
    }

    Answer answer(ShadowTopic request, byte[] payload) {
        String token = null;
        try {
            JsonNode body = (payload == null || payload.length == 0) ? json.createObjectNode() : json.readTree(payload);
            token = body.path("clientToken").isString() ? body.path("clientToken").asString() : null;
            ObjectNode accepted = switch (request.operation()) {
                case UPDATE -> (ObjectNode) shadows.update(request.device(), body, null);
                case GET -> withToken(((ObjectNode) shadows.document(request.device())).deepCopy(), token);
                case DELETE -> withToken(shadows.delete(request.device()), token);
            };
            return new Answer(true, accepted, false);
        }
        catch (ShadowException ex) {
            return new Answer(false, error(ex.getStatusCode().value(), ex.awsMessage(),
                    token != null ? token : (String) ex.getBody().getProperties().get("clientToken")),
                    ex instanceof UnknownDeviceException);
        }
        catch (JacksonException ex) {
            return new Answer(false, error(400, "Payload contains invalid json", null), false);
        }
    }

    private ObjectNode error(int code, String message, String token) {
        ObjectNode error = json.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("timestamp", clock.instant().getEpochSecond());
        return withToken(error, token);
    }

    private static ObjectNode withToken(ObjectNode document, String token) {
        if (token != null) {
            document.put("clientToken", token);
        }
        return document;
    }
}
