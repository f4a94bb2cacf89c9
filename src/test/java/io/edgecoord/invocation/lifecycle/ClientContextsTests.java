package io.edgecoord.invocation.lifecycle;

import org.junit.jupiter.api.Test;

import io.edgecoord.invocation.InvocationCause;

import static org.assertj.core.api.Assertions.assertThat;

class ClientContextsTests {

    @Test
    void aCallASubscriptionRoutedCarriesItsTopicAsTheSubjectAsGreengrassDid() {
        assertThat(ClientContexts.of(null, new InvocationCause("sub-1", "device:pump-1", "devices/pump-1/events")))
            .isEqualTo("{\"custom\":{\"subject\":\"devices/pump-1/events\"}}");
    }

    @Test
    void theContextItsCallerSentWins() {
        assertThat(ClientContexts.of("{\"custom\":{\"a\":1}}", new InvocationCause("sub-1", "device:x", "t")))
            .isEqualTo("{\"custom\":{\"a\":1}}");
    }

    @Test
    void aClientsCallOrOneTaskCallingAnotherCarriesNone() {
        assertThat(ClientContexts.of(null, null)).isNull();
        assertThat(ClientContexts.of(null, new InvocationCause(null, "task:a", "tasks/a/calls/b"))).isNull();
    }
}
