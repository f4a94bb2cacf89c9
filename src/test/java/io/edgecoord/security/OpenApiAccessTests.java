package io.edgecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;

/**
 * Walks every operation the served OpenAPI document lists (and the actuator's), so that an
 * endpoint added without a rule cannot stay open: without a key 401; with a key holding every
 * scope but the one the operation needs 403; with a key holding only that scope neither.
 * The scope each operation needs is written here again, apart from {@link AccessPolicy}.
 */
class OpenApiAccessTests extends SecuredCoordinatorTest {

    record Operation(String method, String path) {
    }

    @Test
    void everyOperationNeedsAKeyAndItsScope() {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(30);
        Map<Scope, CoordinatorClient> only = new EnumMap<>(Scope.class);
        Map<Scope, CoordinatorClient> allBut = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            only.put(scope, scope == Scope.ADMIN ? admin() : keyWith("[\"" + scope.id() + "\"]"));
            Set<Scope> others = EnumSet.complementOf(EnumSet.of(scope, Scope.ADMIN));
            allBut.put(scope, keyWith(others.stream().map(s -> "\"" + s.id() + "\"").toList().toString()));
        }
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            Scope needed = needed(operation);
            int anonymous = send(anonymous(), operation).statusCode();
            if (anonymous != 401) {
                wrong.add(operation + " without a key answered " + anonymous);
            }
            if (needed != Scope.READ) {
                int lacking = send(allBut.get(needed), operation).statusCode();
                if (lacking != 403) {
                    wrong.add(operation + " without scope " + needed.id() + " answered " + lacking);
                }
            }
            HttpResponse<String> right = send(only.get(needed), operation);
            if (right.statusCode() == 401 || right.statusCode() == 403) {
                wrong.add(operation + " with scope " + needed.id() + " answered " + right.statusCode() + " "
                        + right.body());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The scope an operation needs, as the issue and docs/security.md state it. */
    private static Scope needed(Operation operation) {
        String path = operation.path();
        boolean read = operation.method().equals("GET") || operation.method().equals("HEAD");
        if (path.startsWith("/api/v1/keys")) {
            return Scope.ADMIN;
        }
        if (path.endsWith("/invoke") || path.endsWith("/invocations")) { // native and Lambda's Invoke
            return read ? Scope.READ : Scope.INVOKE;
        }
        if (path.startsWith("/2015-03-31/") || path.startsWith("/2017-10-31/") || path.startsWith("/2016-08-19/")) {
            return read ? Scope.READ : Scope.DEPLOY; // Lambda's control plane
        }
        if (path.startsWith("/api/v1/invocations")) {
            return read ? Scope.READ : Scope.INVOKE;
        }
        if (path.startsWith("/api/v1/tasks") || path.startsWith("/api/v1/devices")
                || path.startsWith("/api/v1/device-profiles") || path.startsWith("/api/v1/subscriptions")) {
            return read ? Scope.READ : Scope.DEPLOY;
        }
        return read ? Scope.READ : Scope.ADMIN;
    }

    private List<Operation> operations() {
        JsonNode document = admin().json(admin().get("/v3/api-docs"));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "probe");
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), concrete));
            }
        }
        for (String actuator : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics",
                "/actuator/info", "/v3/api-docs")) {
            operations.add(new Operation("GET", actuator));
        }
        return operations;
    }

    private static HttpResponse<String> send(CoordinatorClient client, Operation operation) {
        boolean body = Set.of("POST", "PUT", "PATCH").contains(operation.method());
        return client.request(operation.method(), operation.path(), body ? "application/json" : null,
                body ? "{}" : null);
    }
}
