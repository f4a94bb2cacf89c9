package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.edgecoord.support.ProcessCoordinatorTest;
import io.edgecoord.support.TestCode;

/** The meter names the docs give are the ones {@code /actuator/prometheus} exports. */
class PrometheusNamesTests extends ProcessCoordinatorTest {

    @Test
    void theBudgetAndQueueGaugesAreExportedUnderTheNamesTheDocsGive() {
        admin().invoke("no-such-task", "{}"); // a meter or two with tags; the answer does not matter
        Set<String> names = new TreeSet<>();
        for (String line : admin().get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith("edgecoord_")) {
                names.add(line.split("[{ ]")[0]);
            }
        }
        assertThat(names).contains("edgecoord_budget_memory_used_bytes", "edgecoord_budget_memory_total_bytes",
                "edgecoord_budget_cpus_used", "edgecoord_budget_cpus", "edgecoord_queue_depth",
                "edgecoord_invocations_running", "edgecoord_environments_live");
    }

    /** Labels whose values are names users chose (a task, a device, a key id), kept as they are. */
    private static final Set<String> NAMES = Set.of("task", "device", "resource", "key", "code", "subject_class", "le", "quantile");

    @Test
    void everyEdgecoordLabelValueThatIsNoUsersNameIsLowerKebabCase() {
        byte[] code = TestCode.zip(Map.of("handler.py", """
                import time
                def handle(event, context):
                    if event.get("fail"):
                        raise ValueError("asked to")
                    time.sleep(event.get("sleep", 0))
                    return {"ok": True}
                """));
        assertThat(admin().deployMultipart("""
                {"name": "tag-style", "runtime": "python3.11", "handler": "handler.handle", "timeoutSeconds": 1}""",
                "code.zip", code).statusCode()).isEqualTo(201);
        admin().invoke("tag-style", "{}");
        admin().invoke("tag-style", "{\"fail\": true}");
        admin().invoke("tag-style", "{\"sleep\": 3}"); // timed out: a two-word outcome
        admin().invoke("tag-style", "not json");

        Pattern label = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
        Set<String> offStyle = new TreeSet<>();
        for (String line : admin().get("/actuator/prometheus").body().split("\n")) {
            if (!line.startsWith("edgecoord_") || !line.contains("{")) {
                continue;
            }
            Matcher m = label.matcher(line.substring(line.indexOf('{'), line.lastIndexOf('}')));
            while (m.find()) {
                if (!NAMES.contains(m.group(1)) && !m.group(2).matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                    offStyle.add(line.split("[{ ]")[0] + " " + m.group(1) + "=" + m.group(2));
                }
            }
        }
        assertThat(admin().get("/actuator/prometheus").body()).contains("outcome=\"timed-out\"");
        assertThat(offStyle).isEmpty();
    }
}
