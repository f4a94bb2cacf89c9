package io.edgecoord.web;

import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/**
 * Hostile values for the fuzz test, and JSON documents made from a schema with some of their
 * values replaced by hostile ones. Strings that name where to connect stay on loopback, so that
 * no request makes the coordinator reach (or look up) any other address.
 */
final class FuzzValues {

    static final List<String> STRINGS = List.of("", " ", "a", "..", "../..", "%2e%2e", "%2F", "%00", "\u0000",
            "ü€😀", "\uD800", "名前", "a b", ";", "$LATEST", "-1", "0", "99999999999999999999", "1e400", "null",
            "true", "{}", "[]", "' OR 1=1 --", "<script>", "\\", "\r\nX-Injected: 1", "*", "?", "#", "%", "%zz",
            "1.5", "NaN", "P1D", "2026-13-45T25:61:61Z", "00000000-0000-0000-0000-000000000000", "x".repeat(300));

    static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483648", "-2147483649", "9223372036854775808",
            "1e400", "-1e400", "1.5", "0.0000001", "123456789012345678901234567890", "-0", "1E5");

    private static final List<String> LOOPBACK = List.of("127.0.0.1", "::1", "", "http://127.0.0.1:1/x",
            "127.0.0.1:99999", "tcp://127.0.0.1:1");

    private final JsonNode document;

    private final Random random;

    FuzzValues(JsonNode document, Random random) {
        this.document = document;
        this.random = random;
    }

    String anyString() {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(random.nextBoolean() ? 5_000 : 50_000);
            case 1 -> randomUnicode(1 + random.nextInt(40));
            default -> STRINGS.get(random.nextInt(STRINGS.size()));
        };
    }

    String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(4) == 0 ? 0x20 + random.nextInt(0x5f) : random.nextInt(0x2FFFF);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** A JSON value for {@code schema}, mostly of its shape, every part mutated with probability {@code rate}. */
    String json(JsonNode schema, String field, double rate, int depth) {
        if (random.nextDouble() < rate) {
            return hostileJson(field);
        }
        JsonNode resolved = FuzzOperations.resolve(document, schema);
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (resolved.path(choice).isArray() && !resolved.path(choice).isEmpty()) {
                JsonNode options = resolved.path(choice);
                return json(options.get(random.nextInt(options.size())), field, rate, depth + 1);
            }
        }
        if (resolved.path("enum").isArray() && !resolved.path("enum").isEmpty()) {
            return resolved.path("enum").get(random.nextInt(resolved.path("enum").size())).toString();
        }
        String type = resolved.path("type").asString(resolved.has("properties") ? "object" : "");
        if (depth > 6 && (type.equals("object") || type.equals("array"))) {
            return type.equals("object") ? "{}" : "[]";
        }
        return switch (type) {
            case "object" -> object(resolved, rate, depth);
            case "array" -> array(resolved.path("items"), field, rate, depth);
            case "integer" -> String.valueOf(resolved.path("minimum").asLong(0) + random.nextInt(5));
            case "number" -> String.valueOf(random.nextDouble() * 10);
            case "boolean" -> String.valueOf(random.nextBoolean());
            case "string" -> quote(plainString(resolved, field));
            default -> random.nextBoolean() ? "{\"a\":1}" : "\"text\"";
        };
    }

    private String object(JsonNode schema, double rate, int depth) {
        StringBuilder out = new StringBuilder("{");
        java.util.Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            boolean keep = required.contains(property.getKey()) ? random.nextDouble() >= rate : random.nextBoolean();
            if (keep) {
                out.append(out.length() > 1 ? "," : "").append(quote(property.getKey())).append(':')
                    .append(json(property.getValue(), property.getKey(), rate, depth + 1));
            }
        }
        if (random.nextDouble() < rate) {
            out.append(out.length() > 1 ? "," : "").append(quote(anyString())).append(":1");
        }
        return out.append('}').toString();
    }

    private String array(JsonNode items, String field, double rate, int depth) {
        StringBuilder out = new StringBuilder("[");
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            out.append(i > 0 ? "," : "").append(json(items, field, rate, depth + 1));
        }
        return out.append(']').toString();
    }

    private String plainString(JsonNode schema, String field) {
        if (connectsSomewhere(field)) {
            return LOOPBACK.get(random.nextInt(LOOPBACK.size()));
        }
        return switch (schema.path("format").asString("")) {
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "uuid" -> "00000000-0000-0000-0000-000000000001";
            default -> random.nextInt(3) == 0 ? anyString() : "fuzz-" + random.nextInt(20);
        };
    }

    /** A value of the wrong type, size or shape. */
    private String hostileJson(String field) {
        return switch (random.nextInt(9)) {
            case 0 -> NUMBERS.get(random.nextInt(NUMBERS.size()));
            case 1 -> connectsSomewhere(field) ? quote(LOOPBACK.get(random.nextInt(LOOPBACK.size()))) : quote(anyString());
            case 2 -> "null";
            case 3 -> "[" + quote(anyString()) + ",1,null]";
            case 4 -> "{\"" + anyString().replace("\\", "").replace("\"", "") + "\":{}}";
            case 5 -> "[".repeat(200) + "]".repeat(200);
            case 6 -> String.valueOf(random.nextBoolean());
            case 7 -> "1" + "0".repeat(500);
            default -> "\"" + "y".repeat(100_000) + "\"";
        };
    }

    private static boolean connectsSomewhere(String field) {
        String name = field == null ? "" : field.toLowerCase();
        return name.contains("host") || name.contains("url") || name.contains("address") || name.contains("endpoint")
                || name.contains("broker") || name.contains("uri");
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
