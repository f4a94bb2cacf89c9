package io.edgecoord.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static io.edgecoord.runtime.RuntimeApiServerTests.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvocationExchangeTests {

    final InvocationExchange exchange = new InvocationExchange("env-1", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void handsInvocationsOutInTheOrderTheyWereSubmitted() {
        exchange.submit(invocation("a"));
        exchange.submit(invocation("b"));

        assertThat(exchange.next().join().requestId()).isEqualTo("a");
        assertThat(exchange.next().join().requestId()).isEqualTo("b");
    }

    @Test
    void marksACallHandedOutBeforeThePollSeesIt() {
        CompletableFuture<RuntimeInvocation> poll = exchange.next();
        RuntimeCall call = exchange.submit(invocation("a"));
        CompletableFuture<Boolean> handedOutFirst = poll.thenApply(invocation -> call.handedOut().isDone());

        assertThat(handedOutFirst.join()).isTrue();
        assertThat(call.handedOut().join()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void onlyAnInvocationInFlightCanBeAnswered() {
        exchange.submit(invocation("a"));
        RuntimeOutcome success = new RuntimeOutcome.Success(new byte[0]);

        assertThat(exchange.answer("a", success)).as("queued, not handed out").isFalse();
        exchange.next();
        assertThat(exchange.answer("a", success)).isTrue();
        assertThat(exchange.answer("a", success)).as("already answered").isFalse();
    }

    @Test
    void refusesARequestIdThatIsAlreadyWaiting() {
        exchange.submit(invocation("a"));

        assertThatThrownBy(() -> exchange.submit(invocation("a"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUndeliveredInvocationGoesToTheNextPollFirst() {
        exchange.submit(invocation("a"));
        exchange.submit(invocation("b"));
        exchange.next();

        exchange.returnUndelivered("a");

        assertThat(exchange.next().join().requestId()).isEqualTo("a");
    }

    @Test
    void anAbandonedPollTakesNothing() {
        CompletableFuture<RuntimeInvocation> dead = exchange.next();
        exchange.abandon(dead);

        exchange.submit(invocation("a"));

        assertThat(dead).isNotDone();
        assertThat(exchange.next().join().requestId()).isEqualTo("a");
    }
}
