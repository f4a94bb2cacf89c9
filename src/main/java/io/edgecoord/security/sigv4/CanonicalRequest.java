package io.edgecoord.security.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The SigV4 canonical request of a received request, as AWS documents it for services other than
 * S3 and as the AWS SDKs compute it: method, canonical URI, canonical query string, canonical
 * headers, signed headers and payload hash, one a line.
 * <p>
 * The canonical URI is the normalized raw path with each segment URI-encoded once more: a client
 * encodes its path once for the wire and once again for the signature, and the server starts from
 * the wire form.
 */
final class CanonicalRequest {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalRequest() {
    }

    /** The canonical request of {@code request}, over the headers {@code authorization} signed. */
    static String of(SigV4Request request, SigV4Authorization authorization, String payloadHash) {
        return request.method() + "\n"
                + uri(request.rawPath()) + "\n"
                + query(request.rawQuery()) + "\n"
                + headers(request, authorization.signedHeaders()) + "\n"
                + authorization.signedHeadersLine() + "\n"
                + payloadHash;
    }

    /** The raw path without empty, {@code .} and {@code ..} segments, each segment encoded again. */
    static String uri(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            switch (segment) {
                case "", "." -> { }
                case ".." -> segments.pollLast();
                default -> segments.addLast(uriEncode(segment));
            }
        }
        if (segments.isEmpty()) {
            return "/";
        }
        String path = "/" + String.join("/", segments);
        return rawPath.endsWith("/") ? path + "/" : path;
    }

    /** The parameters decoded and encoded again the AWS way, sorted by name, then value; empty names dropped. */
    static String query(String rawQuery) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!name.isEmpty()) {
                parameters.add(Map.entry(uriEncode(percentDecode(name)), uriEncode(percentDecode(value))));
            }
        }
        parameters.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach(parameter -> joined.add(parameter.getKey() + "=" + parameter.getValue()));
        return joined.toString();
    }

    /**
     * {@code name:value} lines of the signed headers: values trimmed, inner blanks collapsed, repeats
     * joined by commas.
     */
    static String headers(SigV4Request request, List<String> signedHeaders) {
        StringBuilder lines = new StringBuilder();
        for (String name : signedHeaders) {
            StringJoiner values = new StringJoiner(",");
            request.values(name).forEach(value -> values.add(collapseBlanks(value)));
            lines.append(name).append(':').append(values).append('\n');
        }
        return lines.toString();
    }

    /** RFC 3986 encoding of the UTF-8 bytes: everything but {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX}. */
    static String uriEncode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            }
            else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    /** {@code %XX} sequences decoded as UTF-8; a stray {@code %}, and {@code +}, stay as they are. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            int c = text.codePointAt(i);
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (c == '%' && low >= 0) {
                bytes.write(high << 4 | low);
                i += 2;
            }
            else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String collapseBlanks(String value) {
        StringBuilder collapsed = new StringBuilder(value.length());
        boolean blank = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f') {
                blank = true;
                continue;
            }
            if (blank && !collapsed.isEmpty()) {
                collapsed.append(' ');
            }
            blank = false;
            collapsed.append(c);
        }
        return collapsed.toString();
    }
}
