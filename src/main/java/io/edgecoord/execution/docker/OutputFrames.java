package io.edgecoord.execution.docker;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads the engine's multiplexed output stream of a container without a TTY: frames of an
 * 8-byte header (stream type, three zero bytes, big-endian payload length) and the payload.
 */
final class OutputFrames {

    private static final int HEADER = 8;

    private OutputFrames() {
    }

    /** Delivers each frame's text to {@code sink} until the stream ends; returns the frames read. */
    static long forEach(InputStream stream, Consumer<String> sink) throws IOException {
        var in = new DataInputStream(stream);
        byte[] header = new byte[HEADER];
        long frames = 0;
        while (readHeader(in, header)) {
            int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            if (length < 0) {
                throw new IOException("Malformed output frame: length " + Integer.toUnsignedString(length));
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            sink.accept(new String(payload, StandardCharsets.UTF_8));
            frames++;
        }
        return frames;
    }

    private static boolean readHeader(DataInputStream in, byte[] header) throws IOException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        header[0] = (byte) first;
        try {
            in.readFully(header, 1, HEADER - 1);
        }
        catch (EOFException truncated) {
            throw new IOException("Output stream ended inside a frame header", truncated);
        }
        return true;
    }
}
