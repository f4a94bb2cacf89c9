package com.amazonaws.greengrass.ipcsdk;

import java.util.HashMap;
import java.util.Map;

/**
 * Just enough JSON for the seam's answers: the top-level string, number, boolean and null members
 * of an object (nested values are skipped), and quoting for the request body. The runtime image
 * has no JSON library, and the task's own must not be assumed.
 */
final class SeamJson {

    private final String text;

    private int at;

    private SeamJson(String text) {
        this.text = text;
    }

    /** The top-level scalar members of a JSON object; an empty map for anything else. */
    static Map<String, String> members(String json) {
        Map<String, String> members = new HashMap<>();
        SeamJson reader = new SeamJson(json == null ? "" : json);
        try {
            reader.skipSpace();
            if (!reader.take('{')) {
                return members;
            }
            reader.skipSpace();
            while (!reader.take('}')) {
                String name = reader.string();
                reader.skipSpace();
                reader.expect(':');
                reader.skipSpace();
                String value = reader.value();
                members.put(name, value);
                reader.skipSpace();
                reader.take(',');
                reader.skipSpace();
            }
        }
        catch (RuntimeException ex) {
            // A malformed answer: report what was read; the caller checks the members it needs.
        }
        return members;
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private String value() {
        char c = text.charAt(at);
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            skipNested();
            return null;
        }
        int start = at;
        while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String literal = text.substring(start, at);
        return literal.equals("null") ? null : literal;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = text.charAt(at);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            }
            else if (c == '}' || c == ']') {
                depth--;
            }
            at++;
        } while (depth > 0);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean take(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!take(c)) {
            throw new IllegalArgumentException("expected " + c + " at " + at);
        }
    }
}
