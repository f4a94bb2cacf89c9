package io.edgecoord.invocation;

import java.nio.charset.StandardCharsets;

/** One invocation's output while it is still coming, cut at a byte limit with a marker. */
final class LogBuffer {

    private final StringBuilder text = new StringBuilder();
    private final long maxBytes;
    private long bytes;
    private boolean truncated;

    LogBuffer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized void append(String chunk) {
        if (truncated) {
            return;
        }
        byte[] utf8 = chunk.getBytes(StandardCharsets.UTF_8);
        if (bytes + utf8.length <= maxBytes) {
            text.append(chunk);
            bytes += utf8.length;
            return;
        }
        int room = (int) (maxBytes - bytes);
        text.append(new String(utf8, 0, room, StandardCharsets.UTF_8).replace("\uFFFD", ""));
        text.append(marker(maxBytes));
        truncated = true;
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized boolean truncated() {
        return truncated;
    }

    static String marker(long maxBytes) {
        return "\n[edgecoord: log truncated: this invocation printed more than " + maxBytes + " bytes]\n";
    }
}
