package io.edgecoord.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection a request, so that the fuzz test can send what
 * {@code java.net.http} refuses to: targets that are no URI, raw non-ASCII header values, any
 * method. Only an error's body is read; a success's (an event stream, say) is cut after its head.
 */
final class RawHttp {

    private static final int HEAD_LIMIT = 64 * 1024;

    private static final int BODY_LIMIT = 256 * 1024;

    /** Tomcat's limit of a request's head ({@code server.max-http-request-header-size}, 8 KB by default). */
    private static final int MAX_HEAD = 8 * 1024;

    /** The status of an answer lost because the server reset a connection whose head was past its limit. */
    static final int RESET = -1;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** An answer: its status, its headers (names in lower case), and, for an error, its body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    Answer send(FuzzRequest request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\nHost: localhost:").append(port).append("\r\nConnection: close\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            byte[] body = request.body();
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            boolean closedEarly = false;
            try {
                out.write(headBytes);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            }
            catch (IOException closed) {
                // The server may answer (413, 400) and close before reading a large head or body; read what it said.
                closedEarly = true;
            }
            try {
                return read(socket.getInputStream());
            }
            catch (IOException reset) {
                if (closedEarly && headBytes.length > MAX_HEAD) {
                    // Refused for its size and reset while still sending: TCP may drop the answer.
                    return new Answer(RESET, Map.of(), "");
                }
                throw reset;
            }
        }
        catch (SocketTimeoutException ex) {
            throw new IOException("no answer within 30 s", ex);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || headBytes.size() > HEAD_LIMIT) {
                throw new IOException("connection closed before a complete response head: " + headBytes);
            }
            headBytes.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        if (status < 400) {
            return new Answer(status, headers, "");
        }
        byte[] raw = readBounded(in, headers.containsKey("content-length")
                ? Integer.parseInt(headers.get("content-length")) : BODY_LIMIT);
        byte[] body = headers.getOrDefault("transfer-encoding", "").contains("chunked") ? dechunk(raw) : raw;
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] readBounded(InputStream in, int length) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (bytes.size() < Math.min(length, BODY_LIMIT)
                && (read = in.read(buffer, 0, Math.min(buffer.length, length - bytes.size()))) > 0) {
            bytes.write(buffer, 0, read);
        }
        return bytes.toByteArray();
    }

    private static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int end = indexOfCrlf(raw, at);
            if (end < 0) {
                break;
            }
            String size = new String(raw, at, end - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0 || end + 2 + length > raw.length) {
                break;
            }
            body.write(raw, end + 2, length);
            at = end + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfCrlf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
