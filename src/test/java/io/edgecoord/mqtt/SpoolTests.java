package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolTests {

    @TempDir
    Path directory;

    @Test
    void keepsTheOrderAcrossAReopening() {
        Spool spool = new Spool(directory, 10, 1_000_000);
        spool.append("a/1", bytes("one"), 1, false);
        spool.append("a/2", bytes("two"), 0, true);

        Spool reopened = new Spool(directory, 10, 1_000_000);

        Spool.Message first = reopened.oldest().orElseThrow();
        assertThat(first.topic()).isEqualTo("a/1");
        assertThat(first.payload()).isEqualTo(bytes("one"));
        reopened.remove(first.sequence());
        Spool.Message second = reopened.oldest().orElseThrow();
        assertThat(second.topic()).isEqualTo("a/2");
        assertThat(second.qos()).isZero();
        assertThat(second.retain()).isTrue();
        reopened.append("a/3", bytes("three"), 1, false);
        reopened.remove(second.sequence());
        assertThat(reopened.oldest().orElseThrow().topic()).isEqualTo("a/3");
    }

    @Test
    void dropsTheOldestPastTheMessageBound() {
        Spool spool = new Spool(directory, 2, 1_000_000);
        assertThat(spool.append("a", bytes("1"), 1, false)).isZero();
        assertThat(spool.append("a", bytes("2"), 1, false)).isZero();

        assertThat(spool.append("a", bytes("3"), 1, false)).isEqualTo(1);

        assertThat(spool.size()).isEqualTo(2);
        assertThat(spool.oldest().orElseThrow().payload()).isEqualTo(bytes("2"));
    }

    @Test
    void dropsTheOldestPastTheByteBoundButKeepsTheNewestMessage() {
        Spool spool = new Spool(directory, 100, 2_000);
        spool.append("a", new byte[900], 1, false);
        spool.append("a", new byte[900], 1, false);

        assertThat(spool.append("a", new byte[900], 1, false)).isEqualTo(1);
        assertThat(spool.bytes()).isLessThanOrEqualTo(2_000);
        assertThat(spool.append("a", new byte[5_000], 1, false)).isEqualTo(2);
        assertThat(spool.size()).isEqualTo(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
