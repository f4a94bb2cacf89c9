package io.edgecoord.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.invocation.InvocationCause;
import io.edgecoord.invocation.Invocations;
import io.edgecoord.mqtt.MqttPublisher;
import io.edgecoord.shadow.Shadows;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskNotFoundException;
import io.edgecoord.task.TaskPermissions;

class TargetDeliveryTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Invocations invocations = mock();
    private final Shadows shadows = mock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoopGuard loops = new LoopGuard(new RoutingProperties(10, 3));
    private final MqttPublisher broker = mock();
    private final TaskCatalog catalog = mock();
    private final TargetDelivery delivery = new TargetDelivery(invocations, provider(shadows), provider(broker), loops,
            new RouterMetrics(meters), json, new TaskSubscribeRights(catalog));

    private static <T> ObjectProvider<T> provider(T bean) {
        ObjectProvider<T> provider = mock();
        given(provider.getIfAvailable()).willReturn(bean);
        return provider;
    }

    @Test
    void publishesATaskResultOnAnMqttTargetsTopic() {
        delivery.deliver(message("mqtt:plant/line1/results", "task.result", "tasks/plan/results", "{\"count\":3}", 0));
        delivery.deliver(message("mqtt:plant/line1/text", "task.result", "tasks/plan/results", "\"done\"", 0));

        verify(broker).publish("plant/line1/results", "{\"count\":3}".getBytes(StandardCharsets.UTF_8), 1, false);
        verify(broker).publish("plant/line1/text", "done".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(meters.counter("edgecoord.router.messages", "subject_class", "task.result", "target_type", "mqtt")
            .count()).isEqualTo(2);
    }

    private Message message(String target, String type, String topic, String data, int hops) {
        Route route = new Route("sub-1", Definition.parse("tasks", "#", target, null));
        return new Message(route, new Envelope("ev-1", type, "task:plan", topic, T0, json.readTree(data)), false, hops);
    }

    @Test
    void invokesATaskWithTheEnvelopeAndRecordsWhatCausedIt() {
        given(invocations.invokeAsync(eq("alert"), any(), any())).willReturn("inv-1");

        delivery.deliver(message("task:alert", "task.result", "tasks/plan/results", "{\"x\":1}", 0));

        ArgumentCaptor<byte[]> payload = ArgumentCaptor.captor();
        verify(invocations).invokeAsync(eq("alert"), payload.capture(),
                eq(new InvocationCause("sub-1", "task:plan", "tasks/plan/results")));
        JsonNode envelope = json.readTree(payload.getValue());
        assertThat(envelope.path("subject").asString()).isEqualTo("tasks/plan/results");
        assertThat(envelope.path("data").path("x").asInt()).isEqualTo(1);
        assertThat(loops.completed("inv-1")).isEqualTo(1);
        assertThat(meters.counter("edgecoord.router.messages", "subject_class", "task.result", "target_type", "task")
                .count()).isEqualTo(1);
    }

    @Test
    void aFunctionTargetGetsTheEventsDataAloneAsAGreengrassFunctionGotTheMessage() {
        given(invocations.invokeAsync(eq("gg-fn"), any(), any())).willReturn("inv-2");

        delivery.deliver(message("function:gg-fn", "task.result", "tasks/plan/results", "{\"t\":21}", 0));

        ArgumentCaptor<byte[]> payload = ArgumentCaptor.captor();
        verify(invocations).invokeAsync(eq("gg-fn"), payload.capture(),
                eq(new InvocationCause("sub-1", "task:plan", "tasks/plan/results")));
        assertThat(new String(payload.getValue(), StandardCharsets.UTF_8)).isEqualTo("{\"t\":21}");
        assertThat(Target.parse("function:gg-fn")).isEqualTo(new Target.Task("gg-fn", true));
        assertThat(Target.parse("function:gg-fn").text()).isEqualTo("function:gg-fn");
        assertThat(Target.parse("task:gg-fn").text()).isEqualTo("task:gg-fn");
    }

    @Test
    void writesATaskResultAsTheShadowsDesiredState() {
        delivery.deliver(message("shadow:th-1", "task.result", "tasks/plan/results", "{\"setpoint\":21}", 0));

        verify(shadows).update(eq("th-1"), eq(json.readTree("{\"state\":{\"desired\":{\"setpoint\":21}}}")),
                isNull());
    }

    @Test
    void dropsAndCountsAnEventThatWouldMakeTheChainTooLong() {
        delivery.deliver(message("task:alert", "task.result", "tasks/alert/results", "{}", 3));

        verifyNoInteractions(invocations);
        assertThat(dropped("loop")).isEqualTo(1);
    }

    @Test
    void countsARefusalByItsProblemType() {
        given(invocations.invokeAsync(eq("gone"), any(), any())).willThrow(new TaskNotFoundException("gone"));

        delivery.deliver(message("task:gone", "task.result", "tasks/plan/results", "{}", 0));

        assertThat(dropped("task-not-found")).isEqualTo(1);
    }

    @Test
    void dropsAnMqttMessageOnATopicTheTasksSubscribePermissionsDoNotCover() {
        DeployedTask alert = mock();
        given(alert.permissions()).willReturn(new TaskPermissions(null, null, null, null, List.of("sensors/#")));
        given(catalog.latest("alert")).willReturn(alert);
        Route route = new Route("sub-1", Definition.parse("mqtt", "#", "task:alert", null));

        delivery.deliver(new Message(route, new Envelope("ev-1", "mqtt.message", "mqtt", "admin/secret", T0,
                json.readTree("{}")), false, 0));
        delivery.deliver(new Message(route, new Envelope("ev-2", "mqtt.message", "mqtt", "sensors/1", T0,
                json.readTree("{}")), false, 0));

        verify(invocations).invokeAsync(eq("alert"), any(), eq(new InvocationCause("sub-1", "mqtt", "sensors/1")));
        assertThat(meters.counter("edgecoord.router.dropped", "subject_class", "mqtt.message", "target_type", "task",
                "reason", "subscribe-denied").count()).isEqualTo(1);
    }

    private double dropped(String reason) {
        return meters.counter("edgecoord.router.dropped", "subject_class", "task.result", "target_type", "task",
                "reason", reason).count();
    }
}
