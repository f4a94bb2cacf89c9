package io.edgecoord.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fuzz test sends, exactly as it goes on the wire.
 *
 * @param index its number in the run, which with the seed rebuilds it
 * @param operation the documented operation it was made from ({@code METHOD /template})
 * @param target the request target (path and query), not necessarily a valid URI
 * @param body the body, or {@code null} for none
 */
record FuzzRequest(int index, String operation, String method, String target, Map<String, String> headers,
        byte[] body) {

    /** Whether the path is one of the Lambda API's, which answers Lambda's error shape and not problems. */
    boolean lambda() {
        return target.matches("/20\\d\\d-\\d\\d-\\d\\d/.*");
    }

    /**
     * Whether the target is a URI at all; one that is not (raw non-ASCII, {@code \\}, {@code %zz}) the
     * servlet container refuses before the path is known, so it cannot tell which API's shape to use.
     */
    boolean wellFormed() {
        return target.matches("(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*");
    }

    /** What was sent, short enough for a failure message. */
    String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String shown = text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
        String path = target.length() > 200 ? target.substring(0, 200) + "… (" + target.length() + " chars)" : target;
        return "#" + index + " [" + operation + "] " + method + " " + path + " " + headers + " " + shown;
    }
}
