package io.edgecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestKeys;

/** Keys over real HTTP: made by admin, shown once, limited by scope and task, revoked at once. */
class ApiKeysTests extends SecuredCoordinatorTest {

    @Test
    void everyRequestWithoutAKeyIsA401ProblemButTheProbes() {
        HttpResponse<String> tasks = anonymous().get("/api/v1/tasks");
        assertThat(tasks.statusCode()).isEqualTo(401);
        assertThat(tasks.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tasks.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(anonymous().json(tasks).path("type").asString()).isEqualTo("https://edgecoord.io/problems/unauthorized");

        assertThat(anonymous().get("/actuator/health").statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/liveness").body()).doesNotContain("docker", "path");
    }

    @Test
    void anUnknownKeyAndAWrongSecretAreRefusedAlike() {
        HttpResponse<String> unknown = admin().withKey("EKUNKNOWN00000000000.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
                .get("/api/v1/tasks");
        HttpResponse<String> wrong = admin().withKey(TestKeys.ADMIN_ID + ".abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
                .get("/api/v1/tasks");
        HttpResponse<String> malformed = admin().withKey("not a key").get("/api/v1/tasks");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(admin().json(wrong).path("type").asString()).isEqualTo("https://edgecoord.io/problems/invalid-key");
    }

    @Test
    void aNewKeysSecretIsShownOnceAndNeverAgain() {
        HttpResponse<String> created = admin().postJson("/api/v1/keys", """
                {"name":"ci","scopes":["invoke","read"],"tasks":["sensor-*"],"requestsPerSecond":50}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = admin().json(created);
        String id = key.path("id").asString();
        String secret = key.path("secret").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/keys/" + id);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(key.path("token").asString()).isEqualTo(id + "." + secret);
        assertThat(key.path("scopes").toString()).isEqualTo("[\"invoke\",\"read\"]");

        String listed = admin().get("/api/v1/keys").body();
        String shown = admin().get("/api/v1/keys/" + id).body();
        assertThat(listed).contains(id).doesNotContain(secret);
        assertThat(shown).contains("sensor-*").doesNotContain(secret).doesNotContain("\"token\"");
    }

    @Test
    void aKeyRequestWithAnEmptyScopeOrTaskIsA400NamingIt() {
        // Found by ApiFuzzTests: a null in the list answered 500.
        for (String body : List.of("{\"name\":\"n\",\"scopes\":[null]}",
                "{\"name\":\"n\",\"scopes\":[\"read\"],\"tasks\":[null]}",
                "{\"name\":\"n\",\"scopes\":[\"read\"],\"topics\":{\"publish\":[null]}}")) {
            HttpResponse<String> refused = admin().postJson("/api/v1/keys", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(admin().json(refused).path("errors").toString()).as(body).contains("must not be null");
        }
    }

    @Test
    void aKeyWithoutTheScopeIsRefusedWith403NamingIt() {
        CoordinatorClient reader = keyWith("[\"read\"]");
        assertThat(reader.get("/api/v1/tasks").statusCode()).isEqualTo(200);

        HttpResponse<String> deploy = reader.postJson("/api/v1/tasks", "{}");
        assertThat(deploy.statusCode()).isEqualTo(403);
        assertThat(reader.json(deploy).path("type").asString()).isEqualTo("https://edgecoord.io/problems/forbidden");
        assertThat(reader.json(deploy).path("detail").asString()).contains("\"deploy\"");
        assertThat(reader.postJson("/api/v1/keys", "{}").statusCode()).isEqualTo(403);
        assertThat(reader.invoke("anything", "{}").statusCode()).isEqualTo(403);

        CoordinatorClient deployer = keyWith("[\"deploy\"]");
        assertThat(deployer.get("/api/v1/keys").statusCode()).isEqualTo(403);
        assertThat(deployer.get("/api/v1/invocations").statusCode()).isEqualTo(403);
        assertThat(deployer.get("/actuator/prometheus").statusCode()).isEqualTo(403);
    }

    @Test
    void aKeyLimitedToTaskPatternsTouchesOnlyThoseTasks() {
        CoordinatorClient sensors = keyWith("[\"deploy\",\"invoke\",\"read\"]", "[\"sensor-*\"]");
        String task = """
                {"name":"%s","runtime":"provided","code":{"inline":"#!/bin/sh\\n","fileName":"bootstrap"}}""";
        assertThat(sensors.postJson("/api/v1/tasks", task.formatted("sensor-a")).statusCode()).isEqualTo(201);
        HttpResponse<String> other = sensors.postJson("/api/v1/tasks", task.formatted("billing"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(sensors.json(other).path("detail").asString()).contains("billing", "sensor-*");

        assertThat(admin().postJson("/api/v1/tasks", task.formatted("billing")).statusCode()).isEqualTo(201);
        assertThat(sensors.get("/api/v1/tasks/billing").statusCode()).isEqualTo(403);
        assertThat(sensors.delete("/api/v1/tasks/billing").statusCode()).isEqualTo(403);
        assertThat(sensors.invoke("billing", "{}").statusCode()).isEqualTo(403);
        assertThat(sensors.post("/2015-03-31/functions/billing/invocations", "application/json", "{}").statusCode())
            .isEqualTo(403);
        assertThat(sensors.get("/api/v1/tasks/sensor-a").statusCode()).isEqualTo(200);
        // The rules see the path as the controllers do, however it is spelt.
        assertThat(sensors.get("/api/v1/%74asks/billing").statusCode()).isEqualTo(403);
        assertThat(sensors.get("/api/v1/tasks/%62illing").statusCode()).isEqualTo(403);
        assertThat(sensors.get("/api/v1/tasks/sensor-%61").statusCode()).isEqualTo(200);
        assertThat(sensors.get("/api/v1/invocations").statusCode()).isEqualTo(403);
        assertThat(sensors.get("/api/v1/invocations?task=billing").statusCode()).isEqualTo(403);
        assertThat(sensors.get("/api/v1/invocations?task=sensor-a").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyLimitedToTaskPatternsMayNotLetItsTasksInvokeOthers() {
        CoordinatorClient sensors = keyWith("[\"deploy\",\"read\"]", "[\"sensor-*\"]");
        String task = """
                {"name":"sensor-caller","runtime":"provided","code":{"inline":"#!/bin/sh\\n","fileName":"bootstrap"},
                 "permissions":{"invoke":[%s]}}""";
        HttpResponse<String> everything = sensors.postJson("/api/v1/tasks", task.formatted("\"sensor-a\", \"*\""));
        assertThat(everything.statusCode()).isEqualTo(403);
        assertThat(sensors.json(everything).path("detail").asString()).contains("task *", "sensor-*");
        assertThat(sensors.postJson("/api/v1/tasks", task.formatted("\"billing\"")).statusCode()).isEqualTo(403);
        assertThat(sensors.postJson("/api/v1/tasks", task.formatted("\"sensor-*\", \"sensor-a\"")).statusCode())
            .isEqualTo(201);
        assertThat(admin().postJson("/api/v1/tasks", task.formatted("\"*\"")).statusCode()).isEqualTo(201);
    }

    @Test
    void onlyAdminMayDeployATaskThatRunsWithoutAContainer() {
        String body = """
                {"name":"hostly","runtime":"provided","execution":{"isolation":"none"},
                 "code":{"inline":"#!/bin/sh\\n","fileName":"bootstrap"}}""";
        HttpResponse<String> refused = keyWith("[\"deploy\"]").postJson("/api/v1/tasks", body);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("admin", "isolation none");
        assertThat(admin().postJson("/api/v1/tasks", body).statusCode()).isEqualTo(201);
    }

    @Test
    void aRevokedKeyIsRefusedOnItsNextRequestEvenOnAnOpenConnection() throws Exception {
        JsonNode key = admin().json(admin().postJson("/api/v1/keys", "{\"name\":\"soon gone\",\"scopes\":[\"read\"]}"));
        String token = key.path("token").asString();
        HttpClient connection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tasks"))
            .header("Authorization", "Bearer " + token).build();
        assertThat(connection.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        assertThat(admin().delete("/api/v1/keys/" + key.path("id").asString()).statusCode()).isEqualTo(204);

        assertThat(connection.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        JsonNode shown = admin().json(admin().get("/api/v1/keys/" + key.path("id").asString()));
        assertThat(shown.path("revokedAt").isString()).isTrue();
    }

    @Test
    void aKeysLastUseIsRecordedAndOutlivesTheCache() {
        JsonNode key = admin().json(admin().postJson("/api/v1/keys", "{\"name\":\"user\",\"scopes\":[\"read\"]}"));
        String id = key.path("id").asString();
        assertThat(admin().json(admin().get("/api/v1/keys/" + id)).has("lastUsedAt")).isFalse();

        admin().withKey(key.path("token").asString()).get("/api/v1/tasks");

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> admin().json(admin().get("/api/v1/keys/" + id))
            .path("lastUsedAt").isString());
    }

    @Test
    void theLastAdminKeyCannotBeRevoked() {
        HttpResponse<String> refused = admin().delete("/api/v1/keys/" + TestKeys.ADMIN_ID);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(admin().json(refused).path("type").asString()).isEqualTo("https://edgecoord.io/problems/last-admin-key");
        assertThat(admin().delete("/api/v1/keys/EKNOSUCHKEY000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadKeyRequestIsA400NamingTheField() {
        HttpResponse<String> bad = admin().postJson("/api/v1/keys", "{\"name\":\"x\",\"scopes\":[\"root\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("scopes", "admin, deploy, invoke, read");
    }
}
