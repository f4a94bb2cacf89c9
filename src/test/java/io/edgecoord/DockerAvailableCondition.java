package io.edgecoord;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition behind {@link DockerAvailable}: pings the engine once per test run, and enables
 * the test, skips it, or (under {@code CI=true}) fails it.
 */
public class DockerAvailableCondition implements ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerAvailableCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String host = dockerHost();
        String problem = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(host, DockerAvailableCondition::ping, String.class);
        return decide(host, problem, System.getenv("CI"));
    }

    /**
     * The decision: enabled when the engine answered ({@code problem} is empty), else skipped, or
     * an {@link IllegalStateException} (a failed test) when {@code ci} is {@code true}.
     */
    static ConditionEvaluationResult decide(String host, String problem, String ci) {
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("Docker engine at " + host + " answered");
        }
        String reason = "Docker engine at " + host + " is not available: " + problem;
        if ("true".equalsIgnoreCase(ci)) {
            throw new IllegalStateException(reason + " (CI=true, so tests that need Docker fail instead of skipping)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /** The engine tests should talk to: {@code DOCKER_HOST}, else the local socket. */
    public static String dockerHost() {
        return host(System.getenv("DOCKER_HOST"));
    }

    static String host(String dockerHost) {
        return dockerHost == null || dockerHost.isBlank() ? "unix:///var/run/docker.sock" : dockerHost;
    }

    /** Returns an empty string when {@code GET /_ping} answers 200, else what went wrong. */
    static String ping(String host) {
        var builder = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host))
                .connectionTimeout(Duration.ofSeconds(3)).responseTimeout(Duration.ofSeconds(10));
        try (DockerHttpClient http = builder.build();
                var response = http.execute(Request.builder().method(Request.Method.GET).path("/_ping").build())) {
            return response.getStatusCode() == 200 ? "" : "GET /_ping answered " + response.getStatusCode();
        }
        catch (IOException | RuntimeException failure) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
