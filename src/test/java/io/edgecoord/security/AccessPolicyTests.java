package io.edgecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.edgecoord.security.AccessPolicy.Requirement;

class AccessPolicyTests {

    @Test
    void keysAreAdminOnly() {
        assertThat(AccessPolicy.of("GET", "/api/v1/keys").anyOf()).containsExactly(Scope.ADMIN);
        assertThat(AccessPolicy.of("DELETE", "/api/v1/keys/EK1").anyOf()).containsExactly(Scope.ADMIN);
    }

    @Test
    void bundlesAreAppliedAndRolledBackOnlyByAdminAndTheirHistoryReadWithRead() {
        assertThat(AccessPolicy.of("POST", "/api/v1/deployments").anyOf()).containsExactly(Scope.ADMIN);
        assertThat(AccessPolicy.of("POST", "/api/v1/deployments/3/rollback").anyOf()).containsExactly(Scope.ADMIN);
        assertThat(AccessPolicy.of("GET", "/api/v1/deployments").anyOf()).containsExactly(Scope.READ);
        assertThat(AccessPolicy.of("POST", "/api/v1/deployments/import/greengrass-v1").anyOf())
            .containsExactly(Scope.ADMIN);
    }

    @Test
    void anyKeyMayReadItselfSoThatADashboardOffersOnlyWhatItMayDo() {
        assertThat(AccessPolicy.of("GET", "/api/v1/me").anyOf())
            .containsExactlyInAnyOrder(Scope.READ, Scope.DEPLOY, Scope.INVOKE);
        assertThat(AccessPolicy.of("POST", "/api/v1/me").anyOf()).containsExactly(Scope.ADMIN);
    }

    @Test
    void invokingATaskNeedsInvokeAndNamesTheTask() {
        Requirement need = AccessPolicy.of("POST", "/api/v1/tasks/hello/invoke");
        assertThat(need.anyOf()).containsExactly(Scope.INVOKE);
        assertThat(need.task()).isEqualTo("hello");
    }

    @Test
    void invokingAQualifiedTaskNeedsInvokeAndNamesTheTaskWithoutItsQualifier() {
        Requirement need = AccessPolicy.of("POST", "/api/v1/tasks/hello:live/invoke");
        assertThat(need.anyOf()).containsExactly(Scope.INVOKE);
        assertThat(need.task()).isEqualTo("hello");
    }

    @Test
    void aliasesAndRollbackAreChangedWithDeployAndReadWithReadOrDeploy() {
        assertThat(AccessPolicy.of("PUT", "/api/v1/tasks/hello/aliases/live"))
            .isEqualTo(new Requirement(Set.of(Scope.DEPLOY), "hello"));
        assertThat(AccessPolicy.of("DELETE", "/api/v1/tasks/hello/aliases/live"))
            .isEqualTo(new Requirement(Set.of(Scope.DEPLOY), "hello"));
        assertThat(AccessPolicy.of("POST", "/api/v1/tasks/hello/rollback"))
            .isEqualTo(new Requirement(Set.of(Scope.DEPLOY), "hello"));
        assertThat(AccessPolicy.of("GET", "/api/v1/tasks/hello/aliases"))
            .isEqualTo(new Requirement(Set.of(Scope.READ, Scope.DEPLOY), "hello"));
    }

    @Test
    void lambdasControlPlaneNeedsDeployToChangeAndNamesTheFunction() {
        assertThat(AccessPolicy.of("POST", "/2015-03-31/functions")).isEqualTo(new Requirement(Set.of(Scope.DEPLOY), null));
        assertThat(AccessPolicy.of("GET", "/2015-03-31/functions/"))
            .isEqualTo(new Requirement(Set.of(Scope.READ, Scope.DEPLOY), null));
        assertThat(AccessPolicy.of("PUT", "/2015-03-31/functions/hello/code"))
            .isEqualTo(new Requirement(Set.of(Scope.DEPLOY), "hello"));
        assertThat(AccessPolicy.of("POST", "/2015-03-31/functions/hello/aliases"))
            .isEqualTo(new Requirement(Set.of(Scope.DEPLOY), "hello"));
        assertThat(AccessPolicy.of("PUT", "/2017-10-31/functions/hello/concurrency"))
            .isEqualTo(new Requirement(Set.of(Scope.DEPLOY), "hello"));
        assertThat(AccessPolicy.of("GET", "/2016-08-19/account-settings/").anyOf()).containsExactly(Scope.READ);
    }

    @Test
    void readingATaskNeedsReadOrDeployAndChangingItDeploy() {
        assertThat(AccessPolicy.of("GET", "/api/v1/tasks/hello/versions").anyOf())
            .containsExactlyInAnyOrder(Scope.READ, Scope.DEPLOY);
        assertThat(AccessPolicy.of("DELETE", "/api/v1/tasks/hello")).isEqualTo(new Requirement(Set.of(Scope.DEPLOY), "hello"));
        assertThat(AccessPolicy.of("POST", "/api/v1/tasks")).isEqualTo(new Requirement(Set.of(Scope.DEPLOY), null));
    }

    @Test
    void invocationsAreReadWithReadOrInvokeAndCancelledOrReplayedWithInvoke() {
        assertThat(AccessPolicy.of("GET", "/api/v1/invocations/abc/logs").anyOf())
            .containsExactlyInAnyOrder(Scope.READ, Scope.INVOKE);
        assertThat(AccessPolicy.of("DELETE", "/api/v1/invocations/abc").anyOf()).containsExactly(Scope.INVOKE);
        assertThat(AccessPolicy.of("POST", "/api/v1/invocations/abc/replay").anyOf()).containsExactly(Scope.INVOKE);
    }

    @Test
    void devicesProfilesAndSubscriptionsAreChangedWithDeploy() {
        for (String path : new String[] { "/api/v1/devices/d1/shadow", "/api/v1/device-profiles",
                "/api/v1/subscriptions/s1", "/api/v1/devices/d1/commands/setpoint" }) {
            assertThat(AccessPolicy.of("PATCH", path).anyOf()).containsExactly(Scope.DEPLOY);
            assertThat(AccessPolicy.of("GET", path).anyOf()).containsExactlyInAnyOrder(Scope.READ, Scope.DEPLOY);
        }
    }

    @Test
    void theLambdaInvokeApiNeedsInvokeOnTheFunctionNamedInAnyOfLambdasForms() {
        assertThat(AccessPolicy.of("POST", "/2015-03-31/functions/hello/invocations"))
            .isEqualTo(new Requirement(Set.of(Scope.INVOKE), "hello"));
        assertThat(AccessPolicy.of("POST", "/2015-03-31/functions/hello:live/invocations").task()).isEqualTo("hello");
        assertThat(AccessPolicy.of("POST",
                "/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:hello:$LATEST/invocations")
            .task()).isEqualTo("hello");
        assertThat(AccessPolicy.of("POST", "/2015-03-31/functions/000000000000:function:hello/invocations").task())
            .isEqualTo("hello");
    }

    @Test
    void whatIsNotNamedIsReadWithReadAndChangedOnlyByAdmin() {
        assertThat(AccessPolicy.of("GET", "/actuator/prometheus").anyOf()).containsExactly(Scope.READ);
        assertThat(AccessPolicy.of("GET", "/api/v1/environments").anyOf()).containsExactly(Scope.READ);
        assertThat(AccessPolicy.of("DELETE", "/api/v1/environments/e1").anyOf()).containsExactly(Scope.ADMIN);
        assertThat(AccessPolicy.of("POST", "/somewhere/else").anyOf()).containsExactly(Scope.ADMIN);
    }

    @Test
    void adminSatisfiesEveryRuleAndTaskPatternsAreGlobs() {
        CallerKey admin = new CallerKey("EK1", "a", Set.of(Scope.ADMIN), java.util.List.of(), null);
        assertThat(Scope.values()).allMatch(admin::has);
        CallerKey limited = new CallerKey("EK2", "b", Set.of(Scope.INVOKE), java.util.List.of("sensor-*", "exact"), null);
        assertThat(limited.has(Scope.READ)).isFalse();
        assertThat(limited.mayUseTask("sensor-1")).isTrue();
        assertThat(limited.mayUseTask("sensor-")).isTrue();
        assertThat(limited.mayUseTask("exact")).isTrue();
        assertThat(limited.mayUseTask("exactly")).isFalse();
        assertThat(limited.mayUseTask("my-sensor-1")).isFalse();
        assertThat(Globs.matches("*-edge-*", "a-edge-b")).isTrue();
        assertThat(Globs.matches("*-edge-*", "a-edgeb")).isFalse();
    }
}
