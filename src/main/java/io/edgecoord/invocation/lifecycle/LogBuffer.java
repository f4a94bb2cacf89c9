package io.edgecoord.invocation.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One invocation's output while it is still coming, cut at a byte limit with a marker. Watchers
 * hear that something was appended, or that the output ended; they must not block.
 */
public final class LogBuffer {

    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

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
        }
        else {
            int room = (int) (maxBytes - bytes);
            text.append(new String(utf8, 0, room, StandardCharsets.UTF_8).replace("\uFFFD", ""));
            text.append(marker(maxBytes));
            truncated = true;
        }
        watchers.forEach(Runnable::run);
    }

    /** The output is closed: nothing more will be appended. */
    void end() {
        ended = true;
        watchers.forEach(Runnable::run);
    }

    public boolean ended() {
        return ended;
    }

    /** Runs {@code watcher} after each append and at the end, until the returned handle is run. */
    public Runnable watch(Runnable watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    public synchronized String text() {
        return text.toString();
    }

    synchronized boolean truncated() {
        return truncated;
    }

    static String marker(long maxBytes) {
        return "\n[edgecoord: log truncated: this invocation printed more than " + maxBytes + " bytes]\n";
    }
}
