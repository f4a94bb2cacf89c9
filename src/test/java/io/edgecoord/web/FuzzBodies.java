package io.edgecoord.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/** Request bodies for the fuzz test: of the documented shape, mutated, unreadable, or of another type. */
final class FuzzBodies {

    private static final List<String> BROKEN = List.of("", "{", "}", "[", "{\"a\":", "{\"a\" 1}", "nul", "'x'",
            "{\"a\":1}}", "{\"a\":1,}", "\uFEFF{}", "\"\\uD800\"", "{\"a\":\"\\x\"}", "1 2", "NaN", "{\"\":}");

    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
            "application/json; charset=ebcdic", "garbage", "application/octet-stream", "application/json",
            "application/json; charset=utf-16", "*/*", "application/*");

    private FuzzBodies() {
    }

    static byte[] body(FuzzOperations.Operation operation, String method, Map<String, String> headers, Random random,
            FuzzValues values) {
        List<String> media = new ArrayList<>(operation.bodies().keySet());
        if (media.isEmpty()) {
            if (random.nextInt(6) == 0) {
                headers.put("Content-Type", "application/json");
                return "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
            }
            return method.equals("POST") || method.equals("PUT") ? new byte[0] : null;
        }
        String type = media.get(random.nextInt(media.size()));
        JsonNode schema = operation.bodies().get(type);
        int shape = random.nextInt(100);
        byte[] body;
        if (type.startsWith("multipart/")) {
            body = multipart(schema, headers, random, values);
        }
        else if (shape < 8) {
            body = BROKEN.get(random.nextInt(BROKEN.size())).getBytes(StandardCharsets.UTF_8);
        }
        else if (shape < 10) {
            int depth = random.nextBoolean() ? 2_000 : 50_000;
            body = ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        }
        else if (shape < 11) {
            body = ("\"" + "z".repeat(random.nextInt(4) > 0 ? 1_000_000 : 7_000_000) + "\"").getBytes(StandardCharsets.UTF_8);
        }
        else if (shape < 13) {
            body = new byte[] { (byte) 0xff, (byte) 0xfe, 0, '{', (byte) 0xc3, '}' };
        }
        else {
            double rate = shape < 40 ? 0 : 0.15;
            body = values.json(schema, null, rate, 0).getBytes(StandardCharsets.UTF_8);
        }
        if (!headers.containsKey("Content-Type")) {
            headers.put("Content-Type", random.nextInt(7) == 0 ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))
                    : type);
        }
        if (random.nextInt(30) == 0) {
            headers.remove("Content-Type");
        }
        return body;
    }

    private static byte[] multipart(JsonNode schema, Map<String, String> headers, Random random, FuzzValues values) {
        String boundary = "fuzz" + random.nextInt(1000);
        JsonNode task = schema.at("/properties/task");
        String json = task.isMissingNode() ? "{}" : values.json(task, "task", random.nextBoolean() ? 0 : 0.15, 0);
        StringBuilder body = new StringBuilder();
        if (random.nextInt(5) > 0) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"task\"\r\n")
                .append("Content-Type: application/json\r\n\r\n").append(json).append("\r\n");
        }
        if (random.nextInt(5) > 0) {
            String name = random.nextInt(4) == 0 ? values.anyString().replaceAll("[\"\r\n]", "") : "code.zip";
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"code\"; filename=\"")
                .append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(random.nextBoolean() ? "PK\u0003\u0004garbage" : values.anyString()).append("\r\n");
        }
        if (random.nextInt(6) > 0) {
            body.append("--").append(boundary).append("--\r\n");
        }
        String declared = switch (random.nextInt(8)) {
            case 0 -> "multipart/form-data";
            case 1 -> "multipart/form-data; boundary=other";
            default -> "multipart/form-data; boundary=" + boundary;
        };
        headers.put("Content-Type", declared);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
