package io.edgecoord.task;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskPermissionsTests {

    @Test
    void grantsNothingByDefault() {
        assertThat(TaskPermissions.NONE.mayReadShadow("thermo-1")).isFalse();
        assertThat(TaskPermissions.NONE.mayWriteShadow("thermo-1")).isFalse();
        assertThat(TaskPermissions.NONE.mayInvoke("report")).isFalse();
    }

    @Test
    void aStarMatchesAnyRunOfCharactersAndNothingElseIsAWildcard() {
        assertThat(TaskPermissions.matches("thermo-*", "thermo-1")).isTrue();
        assertThat(TaskPermissions.matches("thermo-*", "thermo-")).isTrue();
        assertThat(TaskPermissions.matches("thermo-*", "thermo")).isFalse();
        assertThat(TaskPermissions.matches("thermo-*", "xthermo-1")).isFalse();
        assertThat(TaskPermissions.matches("*", "anything")).isTrue();
        assertThat(TaskPermissions.matches("*-1", "thermo-1")).isTrue();
        assertThat(TaskPermissions.matches("*-1", "thermo-12")).isFalse();
        assertThat(TaskPermissions.matches("a*b*c", "a-b-b-c")).isTrue();
        assertThat(TaskPermissions.matches("a*b*c", "a-c-b")).isFalse();
        assertThat(TaskPermissions.matches("a.b", "axb")).isFalse();
        assertThat(TaskPermissions.matches("**", "")).isTrue();
        assertThat(TaskPermissions.matches("thermo-1", "thermo-1")).isTrue();
        assertThat(TaskPermissions.matches("thermo-1", "Thermo-1")).isFalse();
    }

    @Test
    void writingAShadowImpliesReadingItButReadingDoesNotAllowWriting() {
        TaskPermissions permissions = new TaskPermissions(List.of("thermo-*"), List.of("valve-1"), null, null, null);
        assertThat(permissions.mayReadShadow("thermo-2")).isTrue();
        assertThat(permissions.mayWriteShadow("thermo-2")).isFalse();
        assertThat(permissions.mayReadShadow("valve-1")).isTrue();
        assertThat(permissions.mayWriteShadow("valve-1")).isTrue();
        assertThat(permissions.mayReadShadow("valve-2")).isFalse();
        assertThat(permissions.mayInvoke("thermo-2")).isFalse();
    }

    @Test
    void invokeNamesTasksByPattern() {
        TaskPermissions permissions = new TaskPermissions(null, null, List.of("report-*", "notify"), null, null);
        assertThat(permissions.mayInvoke("report-daily")).isTrue();
        assertThat(permissions.mayInvoke("notify")).isTrue();
        assertThat(permissions.mayInvoke("notify-all")).isFalse();
        assertThat(permissions.mayInvoke("victim")).isFalse();
        assertThat(permissions.mayReadShadow("notify")).isFalse();
    }

    @Test
    void listsAreSetsSoOrderAndRepeatsMakeNoDifference() {
        TaskPermissions one = new TaskPermissions(List.of("b", "a", "a"), null, List.of("y", "x"), null, null);
        TaskPermissions other = new TaskPermissions(List.of("a", "b"), List.of(), List.of("x", "y"), List.of(),
                null);
        assertThat(one).isEqualTo(other);
        assertThat(one.shadowsRead()).containsExactly("a", "b");
        assertThat(new TaskPermissions(null, null, null, null, null).isNone()).isTrue();
        assertThat(one.isNone()).isFalse();
    }
}
