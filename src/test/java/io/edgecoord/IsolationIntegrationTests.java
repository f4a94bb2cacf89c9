package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestDocker;

/**
 * What a task can and cannot do inside its container, and what happens when it misbehaves:
 * seen from inside the real container, and from the engine.
 */
class IsolationIntegrationTests extends CoordinatorIntegrationTest {

    private static final String PROBE = """
            import os, json
            def limit(*paths):
                for path in paths:
                    try:
                        return open(path).read().strip()
                    except OSError:
                        pass
                return None
            def writable(path):
                try:
                    with open(path, "w") as f:
                        f.write("x")
                    return True
                except OSError:
                    return False
            def handle(event, context):
                status = dict(line.split(":\\t", 1) for line in open("/proc/self/status").read().splitlines() if ":\\t" in line)
                interfaces = [l.split(":")[0].strip() for l in open("/proc/net/dev").read().splitlines()[2:]]
                return {"uid": os.getuid(), "gid": os.getgid(), "capEff": status["CapEff"].strip(),
                        "noNewPrivs": status["NoNewPrivs"].strip(), "interfaces": interfaces,
                        "rootWritable": writable("/probe"), "taskWritable": writable("/var/task/probe"),
                        "tmpWritable": writable("/tmp/probe"),
                        "memoryLimit": limit("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory.max"),
                        "pidsMax": limit("/sys/fs/cgroup/pids/pids.max", "/sys/fs/cgroup/pids.max"),
                        "runtimeApi": os.environ["AWS_LAMBDA_RUNTIME_API"]}
            """;

    private static final String MISBEHAVE = """
            import os, time, http.client
            def handle(event, context):
                what = event.get("do")
                if what == "sleep":
                    time.sleep(event["seconds"])
                    return "slept"
                if what == "exit":
                    os._exit(3)
                if what == "hog":
                    block = bytearray(400 * 1024 * 1024)
                    return len(block)
                if what == "steal":
                    conn = http.client.HTTPConnection(os.environ["AWS_LAMBDA_RUNTIME_API"], timeout=5)
                    conn.request("POST", "/2018-06-01/runtime/invocation/" + event["victim"] + "/response", body="\\"stolen\\"")
                    return conn.getresponse().status
                return "ok"
            """;

    @LocalServerPort
    int port;

    static final DockerClient docker = TestDocker.client();

    CoordinatorClient client;

    @BeforeEach
    void connect() {
        client = new CoordinatorClient(port);
    }

    private void deploy(String name, String module, String code, int timeoutSeconds) {
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"python3.11","handler":"%s.handle","memoryMb":128,"timeoutSeconds":%d,
                 "code":{"inline":%s}}""".formatted(name, module, timeoutSeconds, quote(code)));
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
    }

    private static String invocationId(HttpResponse<String> response) {
        return response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
    }

    private boolean containerExists(String environmentId) {
        return !docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of("edgecoord.environment", environmentId)).exec().isEmpty();
    }

    @Test
    void aTaskRunsUnprivilegedWithoutNetworkOnAReadOnlyRootWithinItsLimits() {
        deploy("iso-probe", "probe", PROBE, 10);

        HttpResponse<String> response = client.invoke("iso-probe", "{}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode seen = client.json(response);
        assertThat(seen.path("uid").asInt()).isEqualTo(10001);
        assertThat(seen.path("gid").asInt()).isEqualTo(10001);
        assertThat(seen.path("capEff").asString()).isEqualTo("0000000000000000");
        assertThat(seen.path("noNewPrivs").asString()).isEqualTo("1");
        assertThat(seen.path("interfaces").valueStream().map(JsonNode::asString)).containsExactly("lo");
        assertThat(seen.path("rootWritable").asBoolean()).isFalse();
        assertThat(seen.path("taskWritable").asBoolean()).isFalse();
        assertThat(seen.path("tmpWritable").asBoolean()).isTrue();
        assertThat(seen.path("memoryLimit").asString()).isEqualTo(String.valueOf(128L * 1024 * 1024));
        assertThat(seen.path("pidsMax").asString()).isEqualTo("128");
        assertThat(seen.path("runtimeApi").asString()).isEqualTo("127.0.0.1:9001");
    }

    @Test
    void anInvocationPastItsTimeoutIsTimedOutAndItsContainerDestroyed() {
        deploy("iso-timeout", "misbehave", MISBEHAVE, 1);

        HttpResponse<String> response = client.invoke("iso-timeout", "{\"do\": \"sleep\", \"seconds\": 30}");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Edgecoord-Function-Error")).contains("TimedOut");
        JsonNode record = client.record(invocationId(response));
        assertThat(record.path("status").asString()).isEqualTo("TIMED_OUT");
        String environment = record.path("environmentId").asString();
        assertThat(containerExists(environment)).isFalse();

        JsonNode next = client.record(invocationId(client.invoke("iso-timeout", "{}")));
        assertThat(next.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(next.path("start").asString()).isEqualTo("COLD");
        assertThat(next.path("environmentId").asString()).isNotEqualTo(environment);
    }

    @Test
    void aContainerThatDiesMidInvocationFailsItClearlyAndIsNotReused() {
        deploy("iso-exit", "misbehave", MISBEHAVE, 10);
        String warmed = client.record(invocationId(client.invoke("iso-exit", "{}"))).path("environmentId").asString();

        HttpResponse<String> response = client.invoke("iso-exit", "{\"do\": \"exit\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode problem = client.json(response);
        assertThat(problem.path("errorType").asString()).isEqualTo("Runtime.ExitError");
        assertThat(problem.path("errorMessage").asString()).contains("exit code 3");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !containerExists(warmed));
        JsonNode next = client.record(invocationId(client.invoke("iso-exit", "{}")));
        assertThat(next.path("start").asString()).isEqualTo("COLD");
        assertThat(next.path("environmentId").asString()).isNotEqualTo(warmed);
    }

    @Test
    void theMemoryLimitIsEnforced() {
        deploy("iso-memory", "misbehave", MISBEHAVE, 20);

        HttpResponse<String> response = client.invoke("iso-memory", "{\"do\": \"hog\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        assertThat(client.json(response).path("errorType").asString()).isIn("Runtime.OutOfMemory", "MemoryError");
    }

    @Test
    void oneEnvironmentCannotAnswerAnothersInvocation() {
        deploy("iso-victim", "misbehave", MISBEHAVE, 20);
        deploy("iso-thief", "misbehave", MISBEHAVE, 20);
        String victim = client.invoke("iso-victim", "{\"do\": \"sleep\", \"seconds\": 3}", "Prefer", "respond-async")
                .headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        client.awaitRecord(victim, r -> r.path("status").asString().equals("RUNNING"));

        HttpResponse<String> theft = client.invoke("iso-thief", "{\"do\": \"steal\", \"victim\": \"" + victim + "\"}");

        assertThat(theft.body()).isEqualTo("400");
        JsonNode record = client.awaitFinished(victim);
        assertThat(record.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(record.path("result").asString()).isEqualTo("slept");
    }
}
