package io.edgecoord.routing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.invocation.Invocations;
import io.edgecoord.invocation.TaskCall;
import io.edgecoord.runtime.EnvironmentServices.Reply;
import io.edgecoord.shadow.ShadowRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class GreengrassSeamTests {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final EnvironmentSpec CALLER = new EnvironmentSpec("gg-fn", 4, "python3.11", "m.h", 128, Map.of(),
            Path.of("/code"), false);
    private static final EnvironmentSpec OTHER = new EnvironmentSpec("other", 1, "python3.11", "m.h", 128, Map.of(),
            Path.of("/code"), false);

    private final GatewayPermissions permissions = mock(GatewayPermissions.class);
    private final GatewayPublisher publisher = mock(GatewayPublisher.class);
    @SuppressWarnings("unchecked")
    private final ObjectProvider<ShadowRequests> shadowProvider = mock(ObjectProvider.class);
    private final ShadowRequests shadows = mock(ShadowRequests.class);
    private final Invocations invocations = mock(Invocations.class);
    private final GreengrassSeam seam = new GreengrassSeam(permissions, publisher, shadowProvider, invocations,
            new GreengrassResults(), JSON);

    @Test
    void aTaskCallIsAcceptedAtOnceAndItsEndIsFetchedInLambdasTerms() {
        CompletableFuture<TaskCall.Ended> end = new CompletableFuture<>();
        given(invocations.call(any())).willReturn(new TaskCall.Started("inv-1", end));

        Reply accepted = post(CALLER, "arn:aws:lambda:edge:000000000000:function:adder:live", "RequestResponse",
                "{\"custom\":{\"k\":1}}", "{\"a\":1}");
        Reply running = get(CALLER, "inv-1", "wait=0");
        end.complete(new TaskCall.Ended(false, "{\"errorMessage\":\"no\",\"errorType\":\"ValueError\"}"
            .getBytes(StandardCharsets.UTF_8), "Handled"));
        Reply failed = get(CALLER, "inv-1", null);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(body(accepted).path("invocationId").asString()).isEqualTo("inv-1");
        ArgumentCaptor<TaskCall> call = ArgumentCaptor.forClass(TaskCall.class);
        verify(invocations).call(call.capture());
        assertThat(call.getValue().task()).isEqualTo("adder");
        assertThat(call.getValue().qualifier()).isEqualTo("live");
        assertThat(call.getValue().awaited()).isTrue();
        assertThat(call.getValue().clientContext()).isEqualTo("{\"custom\":{\"k\":1}}");
        assertThat(call.getValue().cause().source()).isEqualTo("task:gg-fn");
        verify(permissions).check(CALLER, GatewayAccess.INVOKE, "adder");
        assertThat(body(running).toString()).isEqualTo("{\"status\":\"RUNNING\",\"payload\":null,\"functionError\":null}");
        assertThat(body(failed).path("status").asString()).isEqualTo("FAILED");
        assertThat(body(failed).path("functionError").asString()).isEqualTo("Handled");
        assertThat(new String(Base64.getDecoder().decode(body(failed).path("payload").asString()),
                StandardCharsets.UTF_8)).contains("\"errorType\":\"ValueError\"");
    }

    @Test
    void anotherTasksCallAndAnUnknownIdAreNotFound() {
        given(invocations.call(any())).willReturn(new TaskCall.Started("inv-2", new CompletableFuture<>()));
        post(CALLER, "arn:aws:lambda:edge:000000000000:function:adder", "Event", null, null);

        for (EnvironmentSpec caller : new EnvironmentSpec[] { OTHER, CALLER }) {
            String id = caller == OTHER ? "inv-2" : "no-such-call";
            assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> get(caller, id, "wait=0"))
                .satisfies(ex -> assertThat(ex.getBody().getType().toString())
                    .isEqualTo("https://edgecoord.io/problems/greengrass-invocation-not-found"));
        }
    }

    @Test
    void aRouterCallIsPublishedBeforeThe202AndEndsWithoutPayload() {
        Reply accepted = post(CALLER, "arn:aws:lambda:edge:000000000000:function:GGRouter", "Event",
                "{\"custom\":{\"subject\":\"plant/1\",\"source\":\"x\"}}", "hi");

        verify(publisher).publish(eq(CALLER), argThat(message -> message.topic().equals("plant/1")
                && new String(message.payload(), StandardCharsets.UTF_8).equals("hi") && message.qos() == 0
                && !message.retain()));
        Reply ended = get(CALLER, body(accepted).path("invocationId").asString(), null);
        assertThat(body(ended).toString()).isEqualTo("{\"status\":\"SUCCEEDED\",\"payload\":null,\"functionError\":null}");
    }

    @Test
    void aShadowRequestNeedsItsPermissionAndAnUnknownThingIsNotFound() {
        given(shadowProvider.getIfAvailable()).willReturn(shadows);
        given(shadows.answer(eq("$aws/things/ghost/shadow/get"), any())).willReturn(Optional.of(
                new ShadowRequests.Answer(false, JSON.createObjectNode().put("code", 404), true)));

        assertThatExceptionOfType(ErrorResponseException.class)
            .isThrownBy(() -> post(CALLER, "arn:aws:lambda:edge:000000000000:function:GGShadowService", null,
                    "{\"custom\":{\"subject\":\"$aws/things/ghost/shadow/get\"}}", null))
            .satisfies(ex -> assertThat(ex.getBody().getType().toString())
                .isEqualTo("https://edgecoord.io/problems/device-not-found"));
        verify(permissions).check(CALLER, GatewayAccess.READ_SHADOW, "ghost");
    }

    @Test
    void aRejectedShadowRequestIsTheCallsResultAsAwsAnswersIt() {
        given(shadowProvider.getIfAvailable()).willReturn(shadows);
        given(shadows.answer(eq("$aws/things/pump/shadow/delete"), any())).willReturn(Optional.of(
                new ShadowRequests.Answer(false, JSON.createObjectNode().put("code", 404).put("message", "No shadow"),
                        false)));

        Reply accepted = post(CALLER, "arn:aws:lambda:edge:000000000000:function:GGShadowService", null,
                "{\"custom\":{\"subject\":\"$aws/things/pump/shadow/delete\"}}", null);

        verify(permissions).check(CALLER, GatewayAccess.WRITE_SHADOW, "pump");
        JsonNode ended = body(get(CALLER, body(accepted).path("invocationId").asString(), null));
        assertThat(ended.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(new String(Base64.getDecoder().decode(ended.path("payload").asString()), StandardCharsets.UTF_8))
            .isEqualTo("{\"code\":404,\"message\":\"No shadow\"}");
    }

    @Test
    void aPathOrMethodTheSeamHasNotIsLeftToTheGateway() {
        assertThat(seam.handle(CALLER, "GET", new String[] { "greengrass", "invocations" }, new byte[0], null)).isEmpty();
        assertThat(seam.handle(CALLER, "POST", new String[] { "greengrass", "other" }, new byte[0], null)).isEmpty();
    }

    private Reply post(EnvironmentSpec caller, String arn, String type, String context, String payload) {
        var body = JSON.createObjectNode().put("functionArn", arn).put("invocationType", type)
            .put("clientContext", context == null ? null : base64(context))
            .put("payload", payload == null ? null : base64(payload));
        return seam.handle(caller, "POST", new String[] { "greengrass", "invocations" }, JSON.writeValueAsBytes(body),
                null).orElseThrow();
    }

    private Reply get(EnvironmentSpec caller, String id, String query) {
        return seam.handle(caller, "GET", new String[] { "greengrass", "invocations", id }, new byte[0], query)
            .orElseThrow();
    }

    private static JsonNode body(Reply reply) {
        return JSON.readTree(reply.body());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
