package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.edgecoord.invocation.IdempotencyKeyReusedException;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationStore;

class IdempotencyKeysTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final String SHA = IdempotencyKeys.sha256("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    private final InvocationStore store = mock(InvocationStore.class);

    private IdempotencyKeys keysAt(Instant now) {
        return new IdempotencyKeys(store,
                InvocationProperties.of(DataSize.ofMegabytes(6), DataSize.ofMegabytes(1), Duration.ofSeconds(5)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private Invocation first() {
        Invocation first = Invocation.accept("i-1", "hello", 1, Invocation.Mode.ASYNC, "{\"a\":1}".getBytes(), T0)
                .idempotent("k", SHA);
        given(store.findByIdempotencyKey("hello", "k")).willReturn(Optional.of(first));
        return first;
    }

    @Test
    void hashesThePayloadAsHexSha256() {
        assertThat(IdempotencyKeys.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aKeyWithinItsWindowNamesItsFirstCall() {
        Invocation first = first();

        assertThat(keysAt(T0.plus(Duration.ofMinutes(59))).firstCall("hello", "k", SHA)).containsSame(first);
        verify(store, never()).update(any(), any());
    }

    @Test
    void aKeyWithAnotherPayloadIsRefused() {
        first();

        assertThatExceptionOfType(IdempotencyKeyReusedException.class)
                .isThrownBy(() -> keysAt(T0.plusSeconds(1)).firstCall("hello", "k", "0".repeat(64)))
                .satisfies(ex -> assertThat(ex.getBody().getProperties()).containsEntry("invocationId", "i-1"));
    }

    @Test
    void aKeyPastItsWindowIsFreedForANewCall() {
        first();

        assertThat(keysAt(T0.plus(Duration.ofHours(1))).firstCall("hello", "k", "0".repeat(64))).isEmpty();
        verify(store).update(eq("i-1"), any());
    }

    @Test
    void anUnknownKeyNamesNoCall() {
        assertThat(keysAt(T0).firstCall("hello", "new", SHA)).isEmpty();
    }
}
