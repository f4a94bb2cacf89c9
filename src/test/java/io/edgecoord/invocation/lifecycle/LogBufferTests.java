package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogBufferTests {

    @Test
    void keepsOutputUnderTheLimitAsItIs() {
        LogBuffer buffer = new LogBuffer(100);
        buffer.append("hello ");
        buffer.append("world\n");

        assertThat(buffer.text()).isEqualTo("hello world\n");
        assertThat(buffer.truncated()).isFalse();
    }

    @Test
    void cutsAtTheLimitWithAMarkerAndIgnoresTheRest() {
        LogBuffer buffer = new LogBuffer(10);
        buffer.append("0123456789abcdef");
        buffer.append("ZZZZ");

        assertThat(buffer.text()).startsWith("0123456789").endsWith(LogBuffer.marker(10));
        assertThat(buffer.text()).doesNotContain("abc", "ZZZZ");
        assertThat(buffer.truncated()).isTrue();
    }

    @Test
    void neverSplitsACharacterInHalf() {
        LogBuffer buffer = new LogBuffer(5);
        buffer.append("abcdé€");

        assertThat(buffer.text()).startsWith("abcd\n[edgecoord");
    }

    @Test
    void tellsItsWatchersOfEachAppendAndOfTheEndUntilTheyStop() {
        LogBuffer buffer = new LogBuffer(100);
        int[] heard = { 0 };
        Runnable stop = buffer.watch(() -> heard[0]++);

        buffer.append("a");
        buffer.end();
        stop.run();
        buffer.append("b");

        assertThat(heard[0]).isEqualTo(2);
        assertThat(buffer.ended()).isTrue();
    }
}
