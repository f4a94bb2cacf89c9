package io.edgecoord.routing;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.web.Problems;

/**
 * The body of a task's {@code POST /edgecoord/v1/publish}:
 * {@code {"topic": "...", "payload": <any JSON>, "qos": 0|1, "retain": false}}. A string payload is
 * sent as its UTF-8 text, any other JSON value as its JSON text, an absent one as no bytes.
 *
 * @param topic the MQTT topic name
 * @param payload the bytes sent
 * @param qos 0 (default) or 1
 * @param retain whether the broker keeps the message for later subscribers (default false)
 */
record PublishRequest(String topic, byte[] payload, int qos, boolean retain) {

    /** Reads the body, refusing with 400 {@code invalid-publish} what is not such a document. */
    static PublishRequest parse(JsonNode body, JsonMapper json) {
        if (body == null || !body.isObject()) {
            throw invalid("The body must be a JSON object with a topic.");
        }
        JsonNode topic = body.path("topic");
        if (!topic.isString() || topic.asString().isEmpty()) {
            throw invalid("topic must be a string: the MQTT topic to publish to.");
        }
        String name = topic.asString();
        if (name.indexOf('+') >= 0 || name.indexOf('#') >= 0 || name.indexOf('\0') >= 0) {
            throw invalid("The topic " + topic.asString() + " holds a wildcard (+ or #) or NUL; a message is "
                    + "published to one topic name.");
        }
        JsonNode qos = body.path("qos");
        if (!qos.isMissingNode() && !qos.isInt()) {
            throw invalid("qos must be 0 or 1.");
        }
        JsonNode retain = body.path("retain");
        if (!retain.isMissingNode() && !retain.isBoolean()) {
            throw invalid("retain must be true or false.");
        }
        JsonNode payload = body.path("payload");
        byte[] bytes = payload.isMissingNode() ? new byte[0]
                : payload.isString() ? payload.asString().getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(payload);
        return new PublishRequest(topic.asString(), bytes, qos.asInt(0), retain.asBoolean(false));
    }

    private static ErrorResponseException invalid(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(Problems.type("invalid-publish"));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
