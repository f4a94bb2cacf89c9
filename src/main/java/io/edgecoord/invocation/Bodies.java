package io.edgecoord.invocation;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns bodies that runtimes sent into JSON for the API, as they are when they are JSON. */
final class Bodies {

    private Bodies() {
    }

    static JsonNode toJson(byte[] body, JsonMapper json) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        }
        catch (JacksonException ex) {
            return json.getNodeFactory().stringNode(new String(body, StandardCharsets.UTF_8));
        }
    }
}
