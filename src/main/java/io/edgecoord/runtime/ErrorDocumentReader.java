package io.edgecoord.runtime;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the error document a runtime posts ({@code {"errorMessage","errorType","stackTrace"}}),
 * falling back to the {@code Lambda-Runtime-Function-Error-Type} header and the raw body when
 * the body is absent or not that JSON.
 */
final class ErrorDocumentReader {

    static final String UNHANDLED = "Unhandled";

    private final JsonMapper json = JsonMapper.shared();

    RuntimeOutcome.FunctionError functionError(byte[] body, String errorTypeHeader) {
        Fields fields = read(body, errorTypeHeader);
        return new RuntimeOutcome.FunctionError(fields.errorType(), fields.errorMessage(), body);
    }

    RuntimeOutcome.InitError initError(byte[] body, String errorTypeHeader) {
        Fields fields = read(body, errorTypeHeader);
        return new RuntimeOutcome.InitError(fields.errorType(), fields.errorMessage(), body);
    }

    private record Fields(String errorType, String errorMessage) {
    }

    private Fields read(byte[] body, String errorTypeHeader) {
        String fallbackType = errorTypeHeader == null || errorTypeHeader.isBlank() ? UNHANDLED : errorTypeHeader;
        String raw = new String(body, StandardCharsets.UTF_8);
        JsonNode document = parse(body);
        if (document == null || !document.isObject()) {
            return new Fields(fallbackType, raw);
        }
        String type = text(document, "errorType");
        String message = text(document, "errorMessage");
        return new Fields(type == null ? fallbackType : type, message == null ? raw : message);
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        }
        catch (JacksonException notJson) {
            // Runtimes may post any text; the raw body then is the message.
            return null;
        }
    }

    private static String text(JsonNode document, String field) {
        JsonNode node = document.get(field);
        return node == null || node.isNull() ? null : node.isString() ? node.stringValue() : node.toString();
    }
}
