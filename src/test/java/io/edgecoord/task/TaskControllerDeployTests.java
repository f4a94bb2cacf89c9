package io.edgecoord.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.edgecoord.storage.DiskSpace;

import static io.edgecoord.task.TaskFixtures.deployment;
import static io.edgecoord.task.TaskFixtures.problem;
import static io.edgecoord.task.TaskFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Deploying over HTTP with the real validation and artifact store; only the database side is mocked. */
@WebMvcTest(TaskController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ TaskConfiguration.class, TaskDeployer.class })
class TaskControllerDeployTests {

    @TempDir
    static Path dataDirectory;

    @Autowired
    MockMvc mvc;

    /** Room on the disk: its mock never refuses. */
    @MockitoBean
    DiskSpace disk;

    @MockitoBean
    TaskRegistry registry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("edgecoord.data-dir", () -> dataDirectory.toString());
        properties.add("edgecoord.task.max-code-size", () -> "4KB");
    }

    @AfterEach
    void nothingIsLeftInStaging() throws IOException {
        try (var staging = Files.list(dataDirectory.resolve("artifacts/tmp"))) {
            assertThat(staging).isEmpty();
        }
    }

    @Test
    void deploysInlinePythonAndAnswersCreatedWithLocation() throws Exception {
        given(this.registry.record(any(), any(), anyString(), anyLong())).willReturn(deployment(true));
        deployJson("""
                {"name":"hello","runtime":"python3.11","handler":"app.handler","memoryMb":256,
                 "environment":{"GREETING":"hi"},"code":{"inline":"def handler(e, c):\\n    return e\\n"}}""")
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/v1/tasks/hello"))
            .andExpect(jsonPath("$.name").value("hello"))
            .andExpect(jsonPath("$.version.version").value(1));
        TaskSettings expected = new TaskSettings("hello", TaskRuntime.PYTHON_3_11, "app.handler", 256, 30,
                Map.of("GREETING", "hi"));
        then(this.registry).should().record(eq(expected), any(), anyString(), anyLong());
    }

    @Test
    void identicalRedeployAnswersOkWithTheExistingVersion() throws Exception {
        given(this.registry.record(any(), any(), anyString(), anyLong())).willReturn(deployment(false));
        deployJson("""
                {"name":"hello","runtime":"provided","code":{"inline":"#!/bin/sh"}}""")
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Location"))
            .andExpect(jsonPath("$.version.version").value(1));
    }

    @Test
    void deploysAZipUploadedAsMultipart() throws Exception {
        given(this.registry.record(any(), any(), anyString(), anyLong())).willReturn(deployment(true));
        byte[] zip = Zips.zip().executable("bootstrap", "#!/bin/sh\necho hi").bytes();
        this.mvc.perform(multipart("/api/v1/tasks").file(task("""
                {"name":"hello","runtime":"provided"}""")).file(new MockMultipartFile("code", "code.zip",
                "application/zip", zip)))
            .andExpect(status().isCreated());
        then(this.registry).should().record(any(), any(), eq(sha256(zip)), eq((long) zip.length));
        assertThat(dataDirectory.resolve("artifacts/sha256/" + sha256(zip).substring(0, 2) + "/" + sha256(zip) + ".zip"))
            .hasBinaryContent(zip);
        assertThat(dataDirectory.resolve("code/" + sha256(zip) + "/bootstrap")).isExecutable();
    }

    @Test
    void deploysAJavaJarUploadedAsMultipart() throws Exception {
        given(this.registry.record(any(), any(), anyString(), anyLong())).willReturn(deployment(true));
        byte[] jar = Zips.zip().file("example/Hello.class", "cafebabe").bytes();
        this.mvc.perform(multipart("/api/v1/tasks").file(task("""
                {"name":"hello","runtime":"java17","handler":"example.Hello::handle"}"""))
                .file(new MockMultipartFile("code", "hello.jar", "application/java-archive", jar)))
            .andExpect(status().isCreated());
    }

    @Test
    void refusesUnknownRuntimeListingTheValidOnes() throws Exception {
        deployJson("""
                {"name":"hello","runtime":"nodejs20.x","handler":"index.handler","code":{"inline":"x"}}""")
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.validRuntimes").value(contains("python3.11", "java17",
                    "provided", "nodejs18.x")));
    }

    @Test
    void refusesPythonWithoutHandler() throws Exception {
        deployJson("""
                {"name":"hello","runtime":"python3.11","code":{"inline":"x"}}""")
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("needs a handler")));
    }

    @Test
    void refusesInvalidNamesAndLimitsListingTheFields() throws Exception {
        deployJson("""
                {"name":"no spaces!","runtime":"provided","memoryMb":32,"timeoutSeconds":901,"code":{"inline":"x"}}""")
            .andExpect(problem(400, "invalid-request"))
            .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name",
                    "memoryMb", "timeoutSeconds")));
        deployJson("""
                {"name":"%s","runtime":"provided","code":{"inline":"x"}}""".formatted("x".repeat(65)))
            .andExpect(problem(400, "invalid-request"));
    }

    @Test
    void refusesMalformedZip() throws Exception {
        deployJson(zipRequest(Base64.getEncoder().encodeToString("not a zip at all".getBytes())))
            .andExpect(problem(400, "invalid-code"))
            .andExpect(jsonPath("$.detail").value(containsString("not a valid zip")));
    }

    @Test
    void refusesZipSlip() throws Exception {
        byte[] zip = Zips.zip().executable("bootstrap", "x").file("../../etc/cron.d/evil", "x").bytes();
        deployJson(zipRequest(Base64.getEncoder().encodeToString(zip))).andExpect(problem(400, "invalid-code"));
    }

    @Test
    void refusesInvalidBase64() throws Exception {
        deployJson(zipRequest("not*base64")).andExpect(problem(400, "invalid-code"));
    }

    @Test
    void refusesCodeOverTheSizeLimit() throws Exception {
        byte[] random = new byte[8 * 1024];
        new java.util.Random(7).nextBytes(random);
        byte[] zip = Zips.zip().file("bootstrap", random, 0100755).bytes();
        deployJson(zipRequest(Base64.getEncoder().encodeToString(zip))).andExpect(problem(413, "code-too-large"));
    }

    @Test
    void refusesInlineJava() throws Exception {
        deployJson("""
                {"name":"hello","runtime":"java17","handler":"example.Hello","code":{"inline":"class Hello {}"}}""")
            .andExpect(problem(400, "invalid-code"))
            .andExpect(jsonPath("$.detail").value(containsString("java17 needs a jar or zip")));
    }

    @Test
    void refusesAJsonDeployWithoutCode() throws Exception {
        deployJson("""
                {"name":"hello","runtime":"provided"}""").andExpect(problem(400, "invalid-task"));
    }

    private ResultActions deployJson(String json) throws Exception {
        return this.mvc.perform(post("/api/v1/tasks").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String zipRequest(String base64) {
        return """
                {"name":"hello","runtime":"provided","code":{"zipBase64":"%s"}}""".formatted(base64);
    }

    private static MockMultipartFile task(String json) {
        return new MockMultipartFile("task", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes());
    }
}
