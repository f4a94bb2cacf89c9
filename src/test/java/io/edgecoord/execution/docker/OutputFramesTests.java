package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutputFramesTests {

    @Test
    void deliversEachFramesTextFromStdoutAndStderr() throws IOException {
        // as recorded from the engine: stdout "late\n"
        byte[] recorded = { 1, 0, 0, 0, 0, 0, 0, 5, 'l', 'a', 't', 'e', '\n' };
        var stream = concat(recorded, frame(2, "oops ünïcode\n"));
        List<String> texts = new ArrayList<>();

        long frames = OutputFrames.forEach(new ByteArrayInputStream(stream), texts::add);

        assertThat(frames).isEqualTo(2);
        assertThat(texts).containsExactly("late\n", "oops ünïcode\n");
    }

    @Test
    void endsQuietlyOnAnEmptyStream() throws IOException {
        assertThat(OutputFrames.forEach(new ByteArrayInputStream(new byte[0]), text -> { })).isZero();
    }

    @Test
    void failsOnATruncatedFrame() {
        byte[] truncated = Arrays.copyOf(frame(1, "hello"), 10);

        assertThatThrownBy(() -> OutputFrames.forEach(new ByteArrayInputStream(truncated), text -> { }))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> OutputFrames.forEach(new ByteArrayInputStream(new byte[] { 1, 0, 0 }), text -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("frame header");
    }

    private static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream();
        out.write(stream);
        out.writeBytes(new byte[] { 0, 0, 0 });
        out.writeBytes(new byte[] { (byte) (payload.length >>> 24), (byte) (payload.length >>> 16),
                (byte) (payload.length >>> 8), (byte) payload.length });
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
