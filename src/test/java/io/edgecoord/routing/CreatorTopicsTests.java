package io.edgecoord.routing;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.edgecoord.security.CallerKey;
import io.edgecoord.security.KeyTopics;
import io.edgecoord.security.Scope;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreatorTopicsTests {

    private final CallerKey sensorsReader = new CallerKey("K1", "sensors", Set.of(Scope.DEPLOY), List.of(), null,
            new KeyTopics(List.of("plant/+/results"), List.of("sensors/#")));

    @Test
    void anMqttSourceNeedsASubscribeFilterOfTheCreatorThatCoversItsSubject() {
        assertThatCode(() -> CreatorTopics.check(sensorsReader, Definition.parse("mqtt", "sensors/+/t", "task:x", null)))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> CreatorTopics.check(sensorsReader, Definition.parse("mqtt", "#", "task:x", null)))
            .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void anMqttTargetNeedsAPublishFilterOfTheCreatorThatMatchesItsTopic() {
        assertThatCode(() -> CreatorTopics.check(sensorsReader,
                Definition.parse("tasks", "tasks/a/results", "mqtt:plant/l1/results", null)))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> CreatorTopics.check(sensorsReader,
                Definition.parse("tasks", "tasks/a/results", "mqtt:plant/l1/other", null)))
            .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void anAdminKeyMayUseEveryTopic() {
        CallerKey admin = new CallerKey("A", "admin", Set.of(Scope.ADMIN), List.of(), null);
        assertThatCode(() -> CreatorTopics.check(admin, Definition.parse("mqtt", "#", "task:x", null)))
            .doesNotThrowAnyException();
    }

    @Test
    void mqttSubjectsAndTargetsAreCheckedAsTheApiReceivesThem() {
        assertThatThrownBy(() -> Definition.parse("mqtt", "$aws/things/#", "task:x", null))
            .isInstanceOf(InvalidSubscriptionException.class);
        assertThatThrownBy(() -> Definition.parse("mqtt", "a/#", "mqtt:b", null))
            .isInstanceOf(InvalidSubscriptionException.class);
        assertThatThrownBy(() -> Definition.parse("tasks", "#", "mqtt:b/+", null))
            .isInstanceOf(InvalidSubscriptionException.class);
    }
}
