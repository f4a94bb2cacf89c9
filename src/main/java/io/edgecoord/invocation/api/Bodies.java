package io.edgecoord.invocation.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.invocation.InvalidPayloadException;

/** Reads request bodies within bounds, and turns bodies that runtimes sent into JSON for the API. */
public final class Bodies {

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

    /** Reads at most one byte past the limit, so an oversized body is refused without holding it. */
    public static byte[] readBounded(InputStream body, long max) throws IOException {
        byte[] payload = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (payload.length > max) {
            throw InvalidPayloadException.tooLarge(max);
        }
        return payload;
    }
}
