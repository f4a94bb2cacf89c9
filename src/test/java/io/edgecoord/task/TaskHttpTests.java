package io.edgecoord.task;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Deploys over real HTTP into a temporary data directory and finds the code unpacked on disk. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TaskHttpTests {

    @TempDir
    static Path dataDirectory;

    @LocalServerPort
    int port;

    @Autowired
    TaskCatalog catalog;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("edgecoord.data-dir", () -> dataDirectory.toString());
    }

    @Test
    void deploysAPythonZipAndUnpacksItOnDisk() throws Exception {
        byte[] zip = Zips.zip().file("pkg/app.py", "def handler(event, context):\n    return event\n").bytes();
        String json = """
                {"name":"echo","runtime":"python3.11","handler":"pkg.app.handler","timeoutSeconds":5,
                 "environment":{"MODE":"test"},"code":{"zipBase64":"%s"}}""".formatted(
                Base64.getEncoder().encodeToString(zip));
        ResponseEntity<String> created = client().post().contentType(MediaType.APPLICATION_JSON).body(json)
            .retrieve().toEntity(String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/tasks/echo");

        ResponseEntity<String> again = client().post().contentType(MediaType.APPLICATION_JSON).body(json)
            .retrieve().toEntity(String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);

        DeployedTask task = this.catalog.latest("echo");
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.codeSha256()).isEqualTo(TaskFixtures.sha256(zip));
        assertThat(task.codeDirectory())
            .isEqualTo(dataDirectory.toAbsolutePath().resolve("code").resolve(task.codeSha256()));
        assertThat(task.codeDirectory().resolve("pkg/app.py")).content().contains("def handler");
        assertThat(task.environment()).containsEntry("MODE", "test");
        assertThat(task.timeout()).hasSeconds(5);
    }

    @Test
    void deploysAMultipartUploadAndDeletesTheTask() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("task", new HttpEntity<>("""
                {"name":"shell","runtime":"provided"}""", json));
        body.add("code", new ByteArrayResource(Zips.zip().file("bootstrap", "#!/bin/sh\n").bytes()) {
            @Override
            public String getFilename() {
                return "code.zip";
            }
        });
        ResponseEntity<String> created = client().post().contentType(MediaType.MULTIPART_FORM_DATA)
            .body(body).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(this.catalog.latest("shell").codeDirectory().resolve("bootstrap")).isExecutable();

        assertThat(client().delete().uri("/shell").retrieve().toBodilessEntity().getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
        HttpStatus missing = client().get().uri("/shell").exchange((request, response) ->
                HttpStatus.valueOf(response.getStatusCode().value()));
        assertThat(missing).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void deploysExecutionSettingsReadsThemBackAndVersionsTheirChanges() {
        String settings = """
                "execution":{"isolation":"none","minWarm":1,"maxEnvironments":2,"priority":7},
                "retries":{"maxRetries":0}""";
        assertThat(deploy("warm", settings).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(deploy("warm", settings).getStatusCode()).isEqualTo(HttpStatus.OK);

        String task = client().get().uri("/warm").retrieve().body(String.class);
        assertThat(task).contains("""
                "execution":{"isolation":"none","cpus":null,"minWarm":1,"maxEnvironments":2,"keepAliveSeconds":null,\
                "pinned":false,"priority":7,"weight":1,"maxQueueLength":null}""", """
                "retries":{"maxRetries":0,"maxEventAgeSeconds":null}""");
        DeployedTask deployed = this.catalog.latest("warm");
        assertThat(deployed.execution().isolation()).isEqualTo(TaskExecution.Isolation.NONE);
        assertThat(deployed.execution().maxRetries()).isZero();
        assertThat(this.catalog.warmTargets()).extracting(DeployedTask::name).contains("warm");

        assertThat(deploy("warm", "\"execution\":{\"minWarm\":0}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(this.catalog.latest("warm").version()).isEqualTo(2);
        assertThat(this.catalog.warmTargets()).extracting(DeployedTask::name).doesNotContain("warm");
        ResponseEntity<String> refused = deploy("warm", "\"execution\":{\"weight\":0}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains(TaskFixtures.PROBLEMS + "invalid-task", "execution.weight");
    }

    @Test
    void describesTheApiAndItsProblemTypes() {
        String docs = RestClient.create("http://localhost:" + this.port + "/v3/api-docs").get()
            .header("Authorization", "Bearer " + io.edgecoord.support.TestKeys.ADMIN)
            .retrieve()
            .body(String.class);
        assertThat(docs).contains("edgecoord API", "/api/v1/tasks", "https://edgecoord.io/problems/task-not-found");
    }

    private ResponseEntity<String> deploy(String name, String settings) {
        String json = """
                {"name":"%s","runtime":"provided","code":{"inline":"#!/bin/sh"},%s}""".formatted(name, settings);
        return client().post().contentType(MediaType.APPLICATION_JSON).body(json).exchange((request, response) ->
                ResponseEntity.status(response.getStatusCode()).body(response.bodyTo(String.class)));
    }

    private RestClient client() {
        return RestClient.builder()
            .baseUrl("http://localhost:" + this.port + "/api/v1/tasks")
            .defaultHeader("Authorization", "Bearer " + io.edgecoord.support.TestKeys.ADMIN)
            .build();
    }
}
