package io.edgecoord.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.NodeTests;
import io.edgecoord.support.ProcessCoordinatorTest;

/**
 * The dashboard is served by the coordinator itself, every file from the jar and none needing a
 * key, while the figures it shows do; its modules are valid JavaScript.
 */
class DashboardAssetsTests extends ProcessCoordinatorTest {

    private static final Pattern IMPORT = Pattern.compile("from \"(\\.{1,2}/[^\"]+)\"");

    @Test
    void servesThePageAndEveryModuleItImportsWithoutAKey() {
        CoordinatorClient anonymous = new CoordinatorClient(port, null);
        HttpResponse<String> page = anonymous.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("/ui/app.js").contains("/ui/style.css").doesNotContain("http");

        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(Set.of("/ui/app.js"));
        while (!next.isEmpty()) {
            String module = next.pop();
            if (!seen.add(module)) {
                continue;
            }
            HttpResponse<String> served = anonymous.get(module);
            assertThat(served.statusCode()).as(module).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElse("")).as(module).contains("javascript");
            Matcher imports = IMPORT.matcher(served.body());
            while (imports.find()) {
                next.push(Path.of(module).resolveSibling(imports.group(1)).normalize().toString());
            }
        }
        assertThat(seen).contains("/ui/api.js", "/ui/chart.js", "/ui/pages/overview.js", "/ui/pages/tasks.js",
                "/ui/pages/invocations.js", "/ui/pages/environments.js", "/ui/pages/scheduler.js",
                "/ui/pages/devices.js", "/ui/pages/subscriptions.js");
        assertThat(anonymous.get("/ui/style.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theFiguresNeedAKeyAndComeAsSamplesOfTheLastHour() {
        assertThat(new CoordinatorClient(port, null).get("/api/v1/metrics").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = admin().get("/api/v1/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        JsonNode body = admin().json(metrics);
        assertThat(body.path("intervalSeconds").asInt()).isEqualTo(5);
        assertThat(body.path("samples").isArray()).isTrue();
    }

    @Test
    void everyModuleIsValidJavaScript() throws IOException {
        NodeTests.require();
        Path ui = Path.of("src/main/resources/static/ui").toAbsolutePath();
        try (var files = Files.walk(ui)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                NodeTests.run(30, "bash", "-c", "node --input-type=module --check < \"$0\"", file.toString());
            }
        }
    }
}
