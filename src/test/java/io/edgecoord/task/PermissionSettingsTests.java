package io.edgecoord.task;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.edgecoord.task.DeployTaskRequest.PermissionsRequest;
import io.edgecoord.task.DeployTaskRequest.ShadowsRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PermissionSettingsTests {

    @Test
    void noPermissionsObjectGrantsNothing() {
        assertThat(PermissionSettings.of(null)).isEqualTo(TaskPermissions.NONE);
        assertThat(PermissionSettings.of(permissions(null, null, null, null))).isEqualTo(TaskPermissions.NONE);
    }

    @Test
    void takesEveryListOfTheRequest() {
        TaskPermissions permissions = PermissionSettings.of(new PermissionsRequest(
                new ShadowsRequest(List.of("thermo-*"), List.of("thermo-1"), Map.of()), List.of("report-*"),
                List.of("alerts/#"), List.of("devices/+/readings/#"), Map.of()));
        assertThat(permissions).isEqualTo(new TaskPermissions(List.of("thermo-*"), List.of("thermo-1"),
                List.of("report-*"), List.of("alerts/#"), List.of("devices/+/readings/#")));
    }

    @Test
    void refusesUnknownKeysNamingThem() {
        PermissionsRequest misspelt = new PermissionsRequest(null, null, null, null,
                Map.of("shadow", Map.of(), "invokes", List.of()));
        assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> PermissionSettings.of(misspelt))
            .satisfies((ex) -> {
                assertThat(ex.getBody().getDetail()).isEqualTo("permissions has unknown keys invokes, shadow; the "
                        + "keys it takes are shadows, invoke, publish, subscribe.");
                assertThat(ex.getBody().getProperties()).containsEntry("unknownKeys", List.of("invokes", "shadow"));
            });
        PermissionsRequest inShadows = new PermissionsRequest(new ShadowsRequest(null, null, Map.of("writ", 1)), null,
                null, null, null);
        assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> PermissionSettings.of(inShadows))
            .withMessageContaining("permissions.shadows has unknown key writ; the keys it takes are read, write.");
    }

    @Test
    void refusesNamePatternsWithCharactersNamesCannotHave() {
        assertRefused(permissions(List.of("thermo-1", "thermo 2"), null, null, null),
                "permissions.shadows.read[1] 'thermo 2' is not a device name pattern");
        assertRefused(permissions(null, List.of(""), null, null), "permissions.shadows.write[0] '' is not a device");
        assertRefused(permissions(null, null, List.of("report.*"), null),
                "permissions.invoke[0] 'report.*' is not a task name pattern");
        assertRefused(permissions(null, null, List.of("x".repeat(65)), null), "is not a task name pattern");
        assertRefused(permissions(null, null, Collections.singletonList(null), null), "permissions.invoke[0] is null");
    }

    @Test
    void checksTopicFiltersAsAnMqttServerDoes() {
        assertThat(PermissionSettings.of(permissions(null, null, null, List.of("a/+/b", "#", "+", "a//b", "a/#")))
            .subscribe()).hasSize(5);
        assertRefused(permissions(null, null, null, List.of("a/#/b")), "permissions.subscribe[0] 'a/#/b' is not a "
                + "topic filter: '#' must be a whole level, and the last one");
        assertRefused(permissions(null, null, null, List.of("a/b#")), "'#' must be a whole level");
        assertRefused(permissions(null, null, null, List.of("a+/b")), "'+' must be a whole level");
        assertRefused(permissions(null, null, null, List.of("")), "1 to 256 characters without NUL");
        assertRefused(new PermissionsRequest(null, null, List.of("alerts/\0"), null, null),
                "permissions.publish[0]");
    }

    @Test
    void boundsTheLengthOfEachList() {
        List<String> many = Collections.nCopies(PermissionSettings.MAX_ENTRIES + 1, "a");
        assertRefused(permissions(null, null, many, null), "permissions.invoke has 65 entries; at most 64");
        assertThat(PermissionSettings.of(permissions(null, null, many.subList(0, 64), null)).invoke())
            .containsExactly("a");
    }

    private static void assertRefused(PermissionsRequest request, String detail) {
        assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> PermissionSettings.of(request))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains(detail))
            .satisfies((ex) -> assertThat(ex.getBody().getType()).isEqualTo(InvalidTaskException.TYPE));
    }

    private static PermissionsRequest permissions(List<String> read, List<String> write, List<String> invoke,
            List<String> subscribe) {
        return new PermissionsRequest(new ShadowsRequest(read, write, null), invoke, null, subscribe, null);
    }
}
