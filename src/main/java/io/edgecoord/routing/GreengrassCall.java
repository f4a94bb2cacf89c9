package io.edgecoord.routing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.FunctionArns;
import io.edgecoord.shadow.ShadowRequests;

/**
 * One {@code POST greengrass/invocations} of the seam, as Greengrass's IPC clients post work:
 * which function, whether the caller waits, Lambda's client context and the payload. Which
 * service it names is decided here, purely: a publish (Greengrass's router), a shadow request
 * (its shadow service), or a task.
 *
 * @param target what the call reaches
 * @param awaited true for {@code RequestResponse}, false for {@code Event}
 * @param clientContext the client context as JSON text (decoded from its base64), or null
 * @param payload the payload's bytes (decoded from its base64); empty when none
 */
record GreengrassCall(Target target, boolean awaited, String clientContext, byte[] payload) {

    /** What a call reaches. */
    sealed interface Target {
    }

    /** {@code ROUTER_FUNCTION_ARN}: a message to the topic in {@code clientContext.custom.subject}. */
    record Publish(String topic) implements Target {
    }

    /** {@code SHADOW_FUNCTION_ARN}: the shadow request topic in {@code clientContext.custom.subject}. */
    record Shadow(String topic, String thing, boolean reads) implements Target {
    }

    /** Any other function: a task by name, with a version or alias qualifier or none. */
    record Task(String name, String qualifier) implements Target {
    }

    /** Reads the body, refusing with 400 what names no function or subject the seam can carry out. */
    static GreengrassCall parse(JsonNode body, JsonMapper json) {
        if (body == null || !body.isObject()) {
            throw new InvalidGreengrassCallException("The body must be a JSON object with a functionArn.");
        }
        GreengrassArn arn = GreengrassArn.parse(text(body, "functionArn"));
        String type = body.path("invocationType").isString() ? body.path("invocationType").asString() : "RequestResponse";
        if (!type.equals("RequestResponse") && !type.equals("Event")) {
            throw new InvalidGreengrassCallException("invocationType must be RequestResponse or Event; got " + type + ".");
        }
        byte[] contextBytes = decoded(body, "clientContext");
        String context = contextBytes == null ? null : new String(contextBytes, StandardCharsets.UTF_8);
        JsonNode contextJson = context == null ? null : contextDocument(context, json);
        byte[] payload = decoded(body, "payload");
        return new GreengrassCall(target(arn, contextJson), type.equals("RequestResponse"), context,
                payload == null ? new byte[0] : payload);
    }

    /** The service an ARN and its client context name. */
    static Target target(GreengrassArn arn, JsonNode clientContext) {
        if (arn.name().equals(FunctionArns.ROUTER)) {
            return new Publish(subject(clientContext, "a publish"));
        }
        if (arn.name().equals(FunctionArns.SHADOW_SERVICE)) {
            String topic = subject(clientContext, "a shadow request");
            String thing = ShadowRequests.thing(topic).orElseThrow(() -> new InvalidGreengrassCallException(
                    "A shadow request's subject must be $aws/things/<thing>/shadow/get|update|delete; got " + topic + "."));
            return new Shadow(topic, thing, ShadowRequests.reads(topic));
        }
        return new Task(arn.name(), arn.qualifier());
    }

    private static String subject(JsonNode clientContext, String what) {
        JsonNode subject = clientContext == null ? null : clientContext.path("custom").path("subject");
        if (subject == null || !subject.isString() || subject.asString().isEmpty()) {
            throw new InvalidGreengrassCallException(what + " needs clientContext.custom.subject (the topic).");
        }
        return subject.asString();
    }

    private static JsonNode contextDocument(String context, JsonMapper json) {
        try {
            JsonNode document = json.readTree(context);
            if (document.isObject()) {
                return document;
            }
        }
        catch (JacksonException ex) {
            // refused below, with the reason the caller can act on
        }
        throw new InvalidGreengrassCallException("clientContext must be the base64 of a JSON object.");
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static byte[] decoded(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidGreengrassCallException(field + " must be base64: " + ex.getMessage());
        }
    }
}
