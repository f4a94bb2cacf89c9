package io.edgecoord.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class DefinitionTests {

    @Test
    void acceptsADeviceSubscriptionToATask() {
        Definition definition = Definition.parse("devices", "devices/+/readings/#", "task:on-reading", null);

        assertThat(definition.source()).isEqualTo(SourceKind.DEVICES);
        assertThat(definition.target()).isEqualTo(new Target.Task("on-reading"));
        assertThat(definition.schedule()).isNull();
    }

    @Test
    void acceptsTaskResultsToAShadow() {
        assertThat(Definition.parse("tasks", "tasks/plan/results", "shadow:th-1", null).target())
                .isEqualTo(new Target.Shadow("th-1"));
    }

    @Test
    void acceptsAScheduleWithoutSubject() {
        Definition definition = Definition.parse("schedule", null, "task:tick", "*/5 * * * * *");

        assertThat(definition.schedule()).hasToString("*/5 * * * * *");
        assertThat(definition.subject()).isNull();
    }

    @Test
    void refusesUnknownSourcesAndTargets() {
        assertRefused("field", "source", () -> Definition.parse("cloud", "#", "task:a", null));
        assertRefused("field", "target", () -> Definition.parse("devices", "#", "lambda:a", null));
        assertRefused("field", "target", () -> Definition.parse("devices", "#", "task:a/b", null));
        assertRefused("field", "target", () -> Definition.parse("devices", "#", "task", null));
    }

    @Test
    void refusesASubjectThatCanNeverMatchItsSource() {
        assertRefused("field", "subject", () -> Definition.parse("devices", "tasks/+/results", "task:a", null));
        assertRefused("field", "subject", () -> Definition.parse("shadows", "#", "task:a", null));
    }

    @Test
    void refusesAShadowTargetForAnythingButTaskResults() {
        assertRefused("field", "target", () -> Definition.parse("devices", "#", "shadow:th-1", null));
        assertRefused("field", "target", () -> Definition.parse("schedule", null, "shadow:th-1", "* * * * * *"));
    }

    @Test
    void refusesBadCronAndMisplacedFields() {
        assertRefused("field", "schedule", () -> Definition.parse("schedule", null, "task:a", "* * * * *"));
        assertRefused("field", "schedule", () -> Definition.parse("schedule", null, "task:a", null));
        assertRefused("field", "subject", () -> Definition.parse("schedule", "#", "task:a", "* * * * * *"));
        assertRefused("field", "schedule", () -> Definition.parse("devices", "#", "task:a", "* * * * * *"));
        assertRefused("field", "subject", () -> Definition.parse("devices", "a/#/b", "task:a", null));
    }

    private static void assertRefused(String property, String field, Runnable parse) {
        assertThatExceptionOfType(InvalidSubscriptionException.class).isThrownBy(parse::run)
                .satisfies(ex -> assertThat(ex.getBody().getProperties()).containsEntry(property, field));
    }
}
