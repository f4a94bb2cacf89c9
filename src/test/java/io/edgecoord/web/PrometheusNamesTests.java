package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.edgecoord.support.ProcessCoordinatorTest;

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
}
