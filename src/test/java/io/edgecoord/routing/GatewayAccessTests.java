package io.edgecoord.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.edgecoord.task.TaskPermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class GatewayAccessTests {

    private static final TaskPermissions GRANTED = new TaskPermissions(List.of("thermo-*"), List.of("thermo-1"),
            List.of("report-*"), List.of("alerts/#"), List.of());

    @Test
    void withoutPermissionsEveryCallIsRefusedNamingTheMissingPermission() {
        assertDenied(GatewayAccess.INVOKE, TaskPermissions.NONE, "victim",
                "task sensor-reader version 3 may not invoke task victim: add it to permissions.invoke", "invoke");
        assertDenied(GatewayAccess.READ_SHADOW, TaskPermissions.NONE, "thermo-1",
                "task sensor-reader version 3 may not read shadow thermo-1: add it to permissions.shadows.read",
                "shadows.read");
        assertDenied(GatewayAccess.WRITE_SHADOW, TaskPermissions.NONE, "thermo-1",
                "task sensor-reader version 3 may not update shadow thermo-1: add it to permissions.shadows.write",
                "shadows.write");
    }

    @Test
    void aCallThePermissionsNameGoesThrough() {
        assertThatNoException().isThrownBy(() -> GatewayAccess.INVOKE.check("sensor-reader", 3, GRANTED, "report-1"));
        assertThatNoException()
            .isThrownBy(() -> GatewayAccess.READ_SHADOW.check("sensor-reader", 3, GRANTED, "thermo-9"));
        assertThatNoException()
            .isThrownBy(() -> GatewayAccess.WRITE_SHADOW.check("sensor-reader", 3, GRANTED, "thermo-1"));
    }

    @Test
    void writePermissionAloneAllowsReading() {
        TaskPermissions writeOnly = new TaskPermissions(null, List.of("valve-1"), null, null, null);
        assertThatNoException().isThrownBy(() -> GatewayAccess.READ_SHADOW.check("t", 1, writeOnly, "valve-1"));
    }

    @Test
    void readPermissionDoesNotAllowWriting() {
        assertDenied(GatewayAccess.WRITE_SHADOW, GRANTED, "thermo-2",
                "task sensor-reader version 3 may not update shadow thermo-2: add it to permissions.shadows.write",
                "shadows.write");
    }

    @Test
    void aPermissionOfOneKindGrantsNothingOfAnother() {
        TaskPermissions shadowsOnly = new TaskPermissions(List.of("*"), List.of("*"), null, List.of("#"), null);
        assertDenied(GatewayAccess.INVOKE, shadowsOnly, "report-1",
                "task sensor-reader version 3 may not invoke task report-1: add it to permissions.invoke", "invoke");
        TaskPermissions invokeOnly = new TaskPermissions(null, null, List.of("*"), null, null);
        assertDenied(GatewayAccess.READ_SHADOW, invokeOnly, "thermo-1",
                "task sensor-reader version 3 may not read shadow thermo-1: add it to permissions.shadows.read",
                "shadows.read");
    }

    @Test
    void aTaskNotNamedIsRefusedEvenWhenOthersAre() {
        assertDenied(GatewayAccess.INVOKE, GRANTED, "victim",
                "task sensor-reader version 3 may not invoke task victim: add it to permissions.invoke", "invoke");
    }

    @Test
    void aTaskPublishesOnlyToTopicsItsPublishFiltersMatch() {
        TaskPermissions publisher = new TaskPermissions(List.of(), List.of(), List.of(),
                List.of("results/+/line1", "alerts/#"), List.of());
        assertThatNoException().isThrownBy(() -> GatewayAccess.PUBLISH.check("sensor-reader", 3, publisher,
                "results/temp/line1"));
        assertThatNoException().isThrownBy(() -> GatewayAccess.PUBLISH.check("sensor-reader", 3, publisher, "alerts"));
        assertDenied(GatewayAccess.PUBLISH, publisher, "results/temp/line2",
                "task sensor-reader version 3 may not publish to topic results/temp/line2: add it to permissions.publish",
                "publish");
        assertDenied(GatewayAccess.PUBLISH, TaskPermissions.NONE, "alerts",
                "task sensor-reader version 3 may not publish to topic alerts: add it to permissions.publish", "publish");
    }

    private static void assertDenied(GatewayAccess access, TaskPermissions granted, String target, String detail,
            String permission) {
        assertThatExceptionOfType(PermissionDeniedException.class)
            .isThrownBy(() -> access.check("sensor-reader", 3, granted, target))
            .satisfies((ex) -> {
                assertThat(ex.getStatusCode().value()).isEqualTo(403);
                assertThat(ex.getBody().getType()).hasToString("https://edgecoord.io/problems/permission-denied");
                assertThat(ex.getBody().getDetail()).isEqualTo(detail);
                assertThat(ex.getBody().getProperties()).containsEntry("permission", permission)
                    .containsEntry("target", target);
            });
    }

    @Test
    void aTaskMaySubscribeOnlyToFiltersItsSubscribePermissionsCover() {
        TaskPermissions sensors = new TaskPermissions(null, null, null, null, List.of("sensors/#"));
        assertThatNoException().isThrownBy(() -> GatewayAccess.SUBSCRIBE.check("t", 1, sensors, "sensors/+/temp"));
        assertDenied(GatewayAccess.SUBSCRIBE, sensors, "#",
                "task sensor-reader version 3 may not subscribe to #: add it to permissions.subscribe", "subscribe");
    }
}
