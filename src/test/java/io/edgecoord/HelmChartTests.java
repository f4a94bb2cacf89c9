package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.edgecoord.support.TestKeys;

/**
 * The Helm chart under {@code helm/edgecoord}: linted strictly and rendered with Helm itself
 * (helm-java's bundled native library), then read back as YAML. Where the chart sets the
 * coordinator's settings, they are bound with Spring's own relaxed binding, as the application
 * would see them.
 */
class HelmChartTests {

    static final Path CHART = Path.of("helm", "edgecoord");

    static final String RELEASE = "edge";

    @TempDir
    Path temporary;

    @Test
    void lintsStrictly() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    }

    /** Value sets a user would install with; lint takes no values, so each is linted as a copy's values.yaml. */
    static Stream<Arguments> valueSets() {
        return Stream.of(
                Arguments.of("keys from Secrets", """
                        security:
                          adminKey: {existingSecret: edgecoord-keys}
                          secretKey: {existingSecret: edgecoord-keys, key: secret}
                        """),
                Arguments.of("ServiceMonitor with its bearer Secret", """
                        metrics:
                          serviceMonitor:
                            enabled: true
                            bearerTokenSecret: {name: edgecoord-metrics}
                        """),
                Arguments.of("Docker socket", """
                        docker:
                          socket: {enabled: true, gid: 998}
                        """),
                Arguments.of("PostgreSQL", """
                        postgresql:
                          enabled: true
                          url: jdbc:postgresql://db:5432/edgecoord
                          existingSecret: edgecoord-db
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void lintsStrictlyWithEachValueSet(String name, String overrides) throws IOException {
        Path chart = copyOfChartWith(overrides);

        LintResult result = new Helm(chart).lint().strict().call();

        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    }

    @Test
    void defaultsRenderAStatefulSetWithItsClaimAndNoHostAccess() {
        Rendered rendered = render(t -> { });

        assertThat(rendered.kinds()).containsExactlyInAnyOrder("ConfigMap", "Service", "StatefulSet");
        Map<String, Object> statefulSet = rendered.one("StatefulSet");
        assertThat(at(statefulSet, "spec", "replicas")).isEqualTo(1);
        List<Map<String, Object>> claims = list(at(statefulSet, "spec", "volumeClaimTemplates"));
        assertThat(claims).singleElement().satisfies(claim -> {
            assertThat(at(claim, "metadata", "name")).isEqualTo("data");
            assertThat(at(claim, "spec", "resources", "requests", "storage")).isEqualTo("5Gi");
        });

        Map<String, Object> pod = rendered.podSpec();
        assertThat(volumes(pod)).noneSatisfy(volume -> assertThat(volume).containsKey("hostPath"));
        assertThat(rendered.container().get("volumeMounts").toString()).doesNotContain("docker.sock");
        assertThat(mountPath(rendered.container(), "data")).isEqualTo("/var/lib/edgecoord");
        assertThat(rendered.env()).containsEntry("EDGECOORD_DATA_DIR", "/var/lib/edgecoord")
                .doesNotContainKeys("SPRING_PROFILES_ACTIVE", "EDGECOORD_DATABASE_PASSWORD");
    }

    @Test
    void containerHasRequestsAndLimits() {
        Map<String, Object> resources = map(render(t -> { }).container().get("resources"));

        assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
        assertThat(map(resources.get("limits"))).containsKeys("cpu", "memory");
    }

    @Test
    void customResourcesAreRenderedAsGiven() {
        Rendered rendered = render(t -> t.set("resources.requests.cpu", "500m")
                .set("resources.requests.memory", "1536Mi")
                .set("resources.limits.cpu", "1500m")
                .set("resources.limits.memory", "3Gi"));

        Map<String, Object> resources = map(rendered.container().get("resources"));
        assertThat(map(resources.get("requests"))).containsEntry("cpu", "500m").containsEntry("memory", "1536Mi");
        assertThat(map(resources.get("limits"))).containsEntry("cpu", "1500m").containsEntry("memory", "3Gi");
    }

    @Test
    void probesUseTheHealthGroupsOnTheHttpPortTheApplicationListensOn() throws IOException {
        Rendered rendered = render(t -> { });
        Map<String, Object> container = rendered.container();

        assertThat(probe(container, "startupProbe")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "http");
        assertThat(probe(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "http");
        assertThat(probe(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", "http");

        List<Map<String, Object>> ports = list(container.get("ports"));
        assertThat(ports).singleElement().satisfies(port -> {
            assertThat(port).containsEntry("name", "http");
            assertThat(port.get("containerPort")).isEqualTo(serverPort());
        });
        Map<String, Object> service = rendered.one("Service");
        assertThat(list(at(service, "spec", "ports"))).singleElement()
                .satisfies(port -> assertThat(port).containsEntry("name", "http").containsEntry("targetPort", "http"));
    }

    @Test
    void runsHardened() {
        Rendered rendered = render(t -> { });

        Map<String, Object> podSecurity = map(rendered.podSpec().get("securityContext"));
        assertThat(podSecurity).containsEntry("runAsNonRoot", true).doesNotContainKey("supplementalGroups");
        Map<String, Object> security = map(rendered.container().get("securityContext"));
        assertThat(security).containsEntry("runAsNonRoot", true)
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        assertThat(at(security, "capabilities", "drop")).isEqualTo(List.of("ALL"));
        assertThat(mountPath(rendered.container(), "tmp")).isEqualTo("/tmp");
        assertThat(volume(rendered.podSpec(), "tmp")).containsKey("emptyDir");
        assertThat(rendered.podSpec()).containsEntry("automountServiceAccountToken", false);
    }

    @Test
    void dockerSocketIsAnOptInWithTheDataDirAtTheSamePathOnNodeAndPod() {
        Rendered rendered = render(t -> t.set("docker.socket.enabled", true)
                .set("docker.socket.gid", 998)
                .set("docker.dataHostPath", "/srv/ec"));

        Map<String, Object> pod = rendered.podSpec();
        Map<String, Object> container = rendered.container();
        Map<String, Object> socket = map(volume(pod, "docker-socket").get("hostPath"));
        assertThat(socket).containsEntry("path", "/var/run/docker.sock").containsEntry("type", "Socket");
        assertThat(mountPath(container, "docker-socket")).isEqualTo("/var/run/docker.sock");

        Map<String, Object> hostData = map(volume(pod, "host-data").get("hostPath"));
        assertThat(hostData).containsEntry("path", "/srv/ec");
        assertThat(mountPath(container, "host-data")).isEqualTo("/srv/ec");
        assertThat(rendered.env()).containsEntry("EDGECOORD_DATA_DIR", "/srv/ec");
        assertThat(bind(rendered.env(), "edgecoord.data-dir", String.class)).isEqualTo("/srv/ec");

        // The database and the artifacts stay on the claim, inside the data dir.
        assertThat(mounts(container)).filteredOn(mount -> "data".equals(mount.get("name")))
                .extracting(mount -> mount.get("mountPath") + "<-" + mount.get("subPath"))
                .containsExactlyInAnyOrder("/srv/ec/db<-db", "/srv/ec/artifacts<-artifacts");
        assertThat(at(pod, "securityContext", "supplementalGroups")).isEqualTo(List.of(998));
        assertThat(bind(rendered.env(), "edgecoord.execution.docker.host", String.class))
                .isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void dockerSocketNeedsTheSocketsGroup() {
        assertThatThrownBy(() -> render(t -> t.set("docker.socket.enabled", true)))
                .hasMessageContaining("docker.socket.gid is required");
    }

    @Test
    void externalPostgresqlTakesThePasswordFromAnExistingSecretOnly() {
        Rendered rendered = render(t -> t.set("postgresql.enabled", true)
                .set("postgresql.url", "jdbc:postgresql://db.example:5432/edgecoord")
                .set("postgresql.user", "coordinator")
                .set("postgresql.existingSecret", "edgecoord-db")
                .set("postgresql.existingSecretPasswordKey", "pw"));

        assertThat(rendered.kinds()).containsExactlyInAnyOrder("ConfigMap", "Service", "Deployment",
                "PersistentVolumeClaim");
        assertThat(rendered.env()).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                .containsEntry("EDGECOORD_DATABASE_URL", "jdbc:postgresql://db.example:5432/edgecoord")
                .containsEntry("EDGECOORD_DATABASE_USER", "coordinator")
                .doesNotContainKey("EDGECOORD_DATABASE_PASSWORD");
        Map<String, Object> password = list(rendered.container().get("env")).stream()
                .filter(env -> "EDGECOORD_DATABASE_PASSWORD".equals(env.get("name")))
                .findFirst().orElseThrow();
        assertThat(password).doesNotContainKey("value");
        assertThat(at(password, "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name", "edgecoord-db", "key", "pw"));
        assertThat(at(rendered.one("Deployment"), "spec", "replicas")).isEqualTo(1);
        assertThat(mountPath(rendered.container(), "data")).isEqualTo("/var/lib/edgecoord");
        assertThat(volume(rendered.podSpec(), "data")).containsKey("persistentVolumeClaim");
    }

    @Test
    void passwordCannotBeGivenInline() {
        assertThatThrownBy(() -> render(t -> t.set("postgresql.enabled", true)
                .set("postgresql.url", "jdbc:postgresql://db:5432/edgecoord")
                .set("postgresql.password", "s3cret")))
                .hasMessageContaining("additional properties 'password' not allowed");
        assertThatThrownBy(() -> render(t -> t.set("postgresql.enabled", true)
                .set("postgresql.url", "jdbc:postgresql://db:5432/edgecoord")))
                .hasMessageContaining("postgresql.existingSecret is required");
    }

    @Test
    void moreThanOneReplicaIsRefused() {
        assertThatThrownBy(() -> render(t -> t.set("replicaCount", 2)))
                .hasMessageContaining("/replicaCount").hasMessageContaining("want 1");
    }

    @Test
    void serviceMonitorOnlyWhenEnabledScrapingPrometheusOnHttp() {
        assertThat(render(t -> { }).kinds()).doesNotContain("ServiceMonitor");

        Rendered rendered = render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.serviceMonitor.labels.release", "kube-prometheus")
                .set("metrics.serviceMonitor.bearerTokenSecret.name", "edgecoord-metrics"));

        Map<String, Object> monitor = rendered.one("ServiceMonitor");
        assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
        assertThat(map(at(monitor, "metadata", "labels"))).containsEntry("release", "kube-prometheus");
        assertThat(list(at(monitor, "spec", "endpoints"))).singleElement().satisfies(endpoint -> assertThat(endpoint)
                .containsEntry("port", "http").containsEntry("path", "/actuator/prometheus"));
        Map<String, Object> selector = map(at(monitor, "spec", "selector", "matchLabels"));
        assertThat(map(at(rendered.one("Service"), "metadata", "labels"))).containsAllEntriesOf(selector);
    }

    @Test
    void serviceMonitorSendsTheReadKeyFromItsSecretThroughTheCurrentAuthorizationField() {
        Rendered rendered = render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.serviceMonitor.bearerTokenSecret.name", "edgecoord-metrics")
                .set("metrics.serviceMonitor.bearerTokenSecret.key", "read-key"));

        Map<String, Object> endpoint = list(at(rendered.one("ServiceMonitor"), "spec", "endpoints")).getFirst();
        assertThat(map(endpoint.get("authorization"))).containsEntry("type", "Bearer")
                .containsEntry("credentials", Map.of("name", "edgecoord-metrics", "key", "read-key"));
        // bearerTokenSecret and bearerTokenFile are deprecated in the Prometheus Operator's API.
        assertThat(endpoint).doesNotContainKeys("bearerTokenSecret", "bearerTokenFile");
        Map<String, Object> byDefault = list(at(render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.serviceMonitor.bearerTokenSecret.name", "edgecoord-metrics"))
                .one("ServiceMonitor"), "spec", "endpoints")).getFirst();
        assertThat(at(byDefault, "authorization", "credentials", "key")).isEqualTo("token");
    }

    @Test
    void serviceMonitorWithoutItsBearerSecretIsRefused() throws IOException {
        assertThatThrownBy(() -> render(t -> t.set("metrics.serviceMonitor.enabled", true)))
                .hasMessageContaining("/metrics/serviceMonitor/bearerTokenSecret/name");
        LintResult lint = new Helm(copyOfChartWith("metrics: {serviceMonitor: {enabled: true}}")).lint().strict().call();
        assertThat(lint.getMessages()).anyMatch(message -> message.contains("/metrics/serviceMonitor/bearerTokenSecret/name"));
        assertThat(lint.isFailed()).isTrue();
        assertThatThrownBy(() -> render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.serviceMonitor.bearerTokenSecret.name", "edgecoord-metrics")
                .set("metrics.serviceMonitor.bearerTokenSecret.token", "EK123.secret")))
                .hasMessageContaining("additional properties 'token' not allowed");
    }

    @Test
    void adminAndSecretKeysComeFromExistingSecretsThroughSecretKeyRefs() {
        Rendered rendered = render(t -> t.set("security.adminKey.existingSecret", "edgecoord-keys")
                .set("security.secretKey.existingSecret", "edgecoord-at-rest")
                .set("security.secretKey.key", "aes"));

        assertThat(variable(rendered, "EDGECOORD_ADMIN_KEY")).doesNotContainKey("value");
        assertThat(at(variable(rendered, "EDGECOORD_ADMIN_KEY"), "valueFrom", "secretKeyRef"))
                .isEqualTo(Map.of("name", "edgecoord-keys", "key", "admin-key"));
        assertThat(variable(rendered, "EDGECOORD_SECRET_KEY")).doesNotContainKey("value");
        assertThat(at(variable(rendered, "EDGECOORD_SECRET_KEY"), "valueFrom", "secretKeyRef"))
                .isEqualTo(Map.of("name", "edgecoord-at-rest", "key", "aes"));
        assertThat(rendered.env()).doesNotContainKeys("EDGECOORD_ADMIN_KEY", "EDGECOORD_SECRET_KEY");
        assertThat(rendered.kinds()).doesNotContain("Secret");
        // Both variables bind to the coordinator's properties (application.yml reads them by name).
        assertThat(applicationYml()).contains("admin-key: ${EDGECOORD_ADMIN_KEY:}", "secret-key: ${EDGECOORD_SECRET_KEY:}");
    }

    @Test
    void withoutKeySecretsNothingIsPassedAndTheCoordinatorMakesItsOwn() {
        Rendered rendered = render(t -> { });

        assertThat(list(rendered.container().getOrDefault("env", List.of())))
                .extracting(variable -> variable.get("name"))
                .doesNotContain("EDGECOORD_ADMIN_KEY", "EDGECOORD_SECRET_KEY");
        assertThat(rendered.env()).doesNotContainKeys("EDGECOORD_ADMIN_KEY", "EDGECOORD_SECRET_KEY");
    }

    @Test
    void aKeyCannotBeGivenInline() {
        assertThatThrownBy(() -> render(t -> t.set("security.adminKey.value", TestKeys.ADMIN)))
                .hasMessageContaining("additional properties 'value' not allowed");
        assertThatThrownBy(() -> render(t -> t.set("security.secretKey.value", "c2VjcmV0")))
                .hasMessageContaining("additional properties 'value' not allowed");
        assertThatThrownBy(() -> render(t -> t.set("security.adminKey", TestKeys.ADMIN)))
                .hasMessageContaining("/security/adminKey");
        assertThatThrownBy(() -> render(t -> t.set("extraEnv[0].name", "EDGECOORD_ADMIN_KEY")
                .set("extraEnv[0].value", TestKeys.ADMIN)))
                .hasMessageContaining("extraEnv may not give EDGECOORD_ADMIN_KEY as a value");
        assertThatThrownBy(() -> render(t -> t.set("extraEnv[0].name", "EDGECOORD_SECRET_KEY")
                .set("extraEnv[0].value", "c2VjcmV0")))
                .hasMessageContaining("extraEnv may not give EDGECOORD_SECRET_KEY as a value");
    }

    @Test
    void notesTellHowToReadTheGeneratedAdminKeyFromThePod() {
        String notes = notes(t -> { });

        assertThat(notes).contains(
                "kubectl -n edge-system exec statefulset/edge-edgecoord -c edgecoord -- cat /var/lib/edgecoord/admin.key",
                "/var/lib/edgecoord/secret.key", "Back it up");
        assertThat(notes(t -> t.set("postgresql.enabled", true).set("postgresql.url", "jdbc:postgresql://db:5432/ec")
                .set("postgresql.existingSecret", "edgecoord-db")))
                .contains("exec deploy/edge-edgecoord -c edgecoord -- cat /var/lib/edgecoord/admin.key");
    }

    @Test
    void notesNameTheKeySecretsAndAskForTheSecretKeysBackup() {
        String notes = notes(t -> t.set("security.adminKey.existingSecret", "edgecoord-keys")
                .set("security.secretKey.existingSecret", "edgecoord-keys"));

        assertThat(notes).contains("from the Secret edgecoord-keys (key admin-key)",
                "from the Secret edgecoord-keys (key secret-key)", "Back that Secret up")
                .doesNotContain("cat /var/lib/edgecoord/admin.key");
        // With the socket the data dir is the node's: a generated secret key would not follow the pod.
        assertThat(notes(t -> t.set("docker.socket.enabled", true).set("docker.socket.gid", 998)))
                .contains("secret.key", "NODE's hostPath", "security.secretKey.existingSecret");
    }

    @Test
    void defaultsAreTheApplicationsDefaults() {
        Map<String, String> env = render(t -> { }).env();

        assertThat(bind(env, "edgecoord.execution.keep-alive", Duration.class)).isEqualTo(Duration.ofMinutes(10));
        assertThat(bind(env, "edgecoord.execution.max-environments", Integer.class)).isEqualTo(16);
        assertThat(bind(env, "edgecoord.execution.init-timeout", Duration.class)).isEqualTo(Duration.ofSeconds(60));
        // Unset, the budget is the coordinator's own reading of its host: nothing, not "", is passed.
        assertThat(bound(env, "edgecoord.execution.budget.memory")).isFalse();
        assertThat(bound(env, "edgecoord.execution.budget.cpus")).isFalse();
        assertThat(bind(env, "edgecoord.execution.cpus-per-environment", Double.class)).isEqualTo(0.25);
        assertThat(bind(env, "edgecoord.execution.starvation-limit", Duration.class)).isEqualTo(Duration.ofSeconds(30));
        assertThat(bind(env, "edgecoord.execution.docker.host", String.class)).isEqualTo("unix:///var/run/docker.sock");
        assertThat(bind(env, "edgecoord.execution.docker.instance-id", String.class)).isEqualTo("edge-edgecoord");
        assertThat(bind(env, "edgecoord.execution.docker.cpus", Double.class)).isEqualTo(1.0);
        assertThat(bind(env, "edgecoord.execution.docker.pids-limit", Long.class)).isEqualTo(128L);
        assertThat(bind(env, "edgecoord.execution.docker.base-image", String.class)).isEqualTo("debian:bookworm-slim");
        assertThat(bind(env, "edgecoord.scheduler.max-concurrent", Integer.class)).isEqualTo(8);
        assertThat(bind(env, "edgecoord.scheduler.max-queue-length", Integer.class)).isEqualTo(1000);
        assertThat(bind(env, "edgecoord.scheduler.max-queue-length-per-task", Integer.class)).isEqualTo(250);
        assertThat(bind(env, "edgecoord.invocation.max-payload-size", DataSize.class)).isEqualTo(DataSize.ofMegabytes(6));
        assertThat(bind(env, "edgecoord.invocation.max-log-size", DataSize.class)).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(bind(env, "edgecoord.invocation.sync-wait-margin", Duration.class)).isEqualTo(Duration.ofSeconds(60));
        assertThat(bind(env, "edgecoord.task.max-code-size", DataSize.class)).isEqualTo(DataSize.ofMegabytes(50));
    }

    @Test
    void budgetIsPassedOnOnlyWhereSetAndChecked() throws IOException {
        Path values = temporary.resolve("budget.yaml");
        Files.writeString(values, """
                config:
                  execution:
                    budget:
                      memory: null
                      cpus: 4
                """);
        Map<String, String> env = render(t -> t.withValuesFile(values)).env();

        assertThat(bound(env, "edgecoord.execution.budget.memory")).isFalse();
        assertThat(bind(env, "edgecoord.execution.budget.cpus", Double.class)).isEqualTo(4.0);
        Files.writeString(values, """
                config:
                  execution:
                    budget: null
                """);
        assertThat(render(t -> t.withValuesFile(values)).env())
                .doesNotContainKeys("EDGECOORD_EXECUTION_BUDGET_MEMORY", "EDGECOORD_EXECUTION_BUDGET_CPUS");
        assertThatThrownBy(() -> render(t -> t.set("config.execution.budget.memory", "6")))
                .hasMessageContaining("/config/execution/budget/memory");
        assertThatThrownBy(() -> render(t -> t.set("config.execution.budget.cpus", "0")))
                .hasMessageContaining("/config/execution/budget/cpus");
    }

    /**
     * Every leaf under {@code config} in values.yaml, set to a value of its own, reaches the
     * coordinator as the Spring property of the same name; extraEnv comes along and wins.
     */
    @Test
    void everySettingFromValuesReachesTheCoordinator() throws IOException {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("execution.keepAlive", "7m");
        custom.put("execution.maxEnvironments", 5);
        custom.put("execution.initTimeout", "90s");
        custom.put("execution.budget.memory", "6GB");
        custom.put("execution.budget.cpus", "3.5");
        custom.put("execution.cpusPerEnvironment", "0.5");
        custom.put("execution.starvationLimit", "45s");
        custom.put("execution.docker.host", "tcp://docker.local:2375");
        custom.put("execution.docker.instanceId", "gateway-7");
        custom.put("execution.docker.cpus", "0.5");
        custom.put("execution.docker.pidsLimit", 64);
        custom.put("execution.docker.baseImage", "debian:trixie-slim");
        custom.put("scheduler.maxConcurrent", 3);
        custom.put("scheduler.maxQueueLength", 50);
        custom.put("scheduler.maxQueueLengthPerTask", 20);
        custom.put("invocation.maxPayloadSize", "2MB");
        custom.put("invocation.maxLogSize", "512KB");
        custom.put("invocation.syncWaitMargin", "30s");
        custom.put("task.maxCodeSize", "20MB");
        Map<String, Object> defaults = map(new Yaml().load(Files.readString(CHART.resolve("values.yaml"))));
        assertThat(custom.keySet()).as("every setting in values.yaml's config is checked here")
                .containsExactlyInAnyOrderElementsOf(leaves("", map(defaults.get("config"))).keySet());

        Path values = temporary.resolve("values.yaml");
        Files.writeString(values, """
                dataDir: /data/ec
                extraEnv:
                  - name: EDGECOORD_EXECUTION_REAP_INTERVAL
                    value: 30s
                  - name: EDGECOORD_SCHEDULER_MAX_CONCURRENT
                    value: "4"
                """);
        Rendered rendered = render(t -> {
            t.withValuesFile(values);
            custom.forEach((key, value) -> t.set("config." + key, value));
        });

        Map<String, String> env = rendered.env();
        custom.forEach((key, value) -> {
            String property = "edgecoord." + kebab(key);
            Object expected = key.equals("scheduler.maxConcurrent") ? "4" : String.valueOf(value);
            assertThat(bind(env, property, String.class)).as(property).isEqualTo(expected);
        });
        assertThat(bind(env, "edgecoord.execution.keep-alive", Duration.class)).isEqualTo(Duration.ofMinutes(7));
        assertThat(bind(env, "edgecoord.invocation.max-log-size", DataSize.class)).isEqualTo(DataSize.ofKilobytes(512));
        assertThat(bind(env, "edgecoord.execution.docker.cpus", Double.class)).isEqualTo(0.5);
        assertThat(bind(env, "edgecoord.execution.budget.memory", DataSize.class)).isEqualTo(DataSize.ofGigabytes(6));
        assertThat(bind(env, "edgecoord.execution.budget.cpus", Double.class)).isEqualTo(3.5);
        assertThat(bind(env, "edgecoord.execution.cpus-per-environment", Double.class)).isEqualTo(0.5);
        assertThat(bind(env, "edgecoord.execution.starvation-limit", Duration.class)).isEqualTo(Duration.ofSeconds(45));
        assertThat(bind(env, "edgecoord.scheduler.max-queue-length-per-task", Integer.class)).isEqualTo(20);
        assertThat(bind(env, "edgecoord.execution.reap-interval", Duration.class)).isEqualTo(Duration.ofSeconds(30));
        assertThat(bind(env, "edgecoord.data-dir", String.class)).isEqualTo("/data/ec");
        assertThat(mountPath(rendered.container(), "data")).isEqualTo("/data/ec");
    }

    // --- rendering ------------------------------------------------------------------------------

    private Rendered render(Consumer<TemplateCommand> values) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace("edge-system");
        values.accept(command);
        String manifests = command.call();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifests)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return new Rendered(documents);
    }

    /** The release notes, as {@code helm install} prints them (a client-only dry run). */
    private String notes(Consumer<InstallCommand> values) {
        InstallCommand command = new Helm(CHART).install().withName(RELEASE).withNamespace("edge-system")
                .clientOnly().dryRun();
        values.accept(command);
        return command.call().getOutput();
    }

    /** A copy of the chart whose values.yaml is the chart's, with {@code overrides} merged in. */
    private Path copyOfChartWith(String overrides) throws IOException {
        Path chart = temporary.resolve("edgecoord");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = chart.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(file, target);
                }
            }
        }
        Map<String, Object> values = map(new Yaml().load(Files.readString(CHART.resolve("values.yaml"))));
        merge(values, map(new Yaml().load(overrides)));
        Files.writeString(chart.resolve("values.yaml"), new Yaml().dump(values));
        return chart;
    }

    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child && into.get(key) instanceof Map<?, ?> existing) {
                merge(map(existing), map(child));
            }
            else {
                into.put(key, value);
            }
        });
    }

    private static Map<String, Object> variable(Rendered rendered, String name) {
        return list(rendered.container().get("env")).stream().filter(env -> name.equals(env.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no variable " + name));
    }

    private static String applicationYml() {
        try {
            return Files.readString(Path.of("src", "main", "resources", "application.yml"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    record Rendered(List<Map<String, Object>> documents) {

        List<String> kinds() {
            return documents.stream().map(document -> (String) document.get("kind")).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
            assertThat(found).as("documents of kind %s", kind).hasSize(1);
            return found.getFirst();
        }

        Map<String, Object> podSpec() {
            Map<String, Object> workload = documents.stream()
                    .filter(d -> "StatefulSet".equals(d.get("kind")) || "Deployment".equals(d.get("kind")))
                    .findFirst().orElseThrow();
            return map(at(workload, "spec", "template", "spec"));
        }

        Map<String, Object> container() {
            return list(podSpec().get("containers")).stream()
                    .filter(container -> "edgecoord".equals(container.get("name"))).findFirst().orElseThrow();
        }

        /** The container's environment with plain values: the ConfigMap's, then its own {@code env}. */
        Map<String, String> env() {
            Map<String, Object> container = container();
            Map<String, String> env = new LinkedHashMap<>();
            for (Map<String, Object> from : list(container.get("envFrom"))) {
                String name = (String) at(from, "configMapRef", "name");
                Map<String, Object> configMap = documents.stream()
                        .filter(d -> "ConfigMap".equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                        .findFirst().orElseThrow();
                map(configMap.get("data")).forEach((key, value) -> env.put(key, (String) value));
            }
            Object own = container.get("env");
            if (own != null) {
                for (Map<String, Object> variable : list(own)) {
                    if (variable.containsKey("value")) {
                        env.put((String) variable.get("name"), String.valueOf(variable.get("value")));
                    }
                }
            }
            return env;
        }
    }

    /** Binds a property from these environment variables as Spring Boot binds the real ones. */
    private static <T> T bind(Map<String, String> env, String property, Class<T> type) {
        return binder(env).bind(property, type).orElseThrow(() -> new AssertionError("not set: " + property));
    }

    /** Whether these environment variables set the property at all, so that its default does not apply. */
    private static boolean bound(Map<String, String> env, String property) {
        return binder(env).bind(property, String.class).isBound();
    }

    private static Binder binder(Map<String, String> env) {
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(env));
        return new Binder(ConfigurationPropertySources.from(source), null,
                ApplicationConversionService.getSharedInstance());
    }

    private static int serverPort() throws IOException {
        Map<String, Object> application = map(new Yaml().load(
                Files.readString(Path.of("src", "main", "resources", "application.yml"))));
        return (Integer) at(application, "server", "port");
    }

    // --- reading the YAML -----------------------------------------------------------------------

    private static Map<String, Object> leaves(String prefix, Map<String, Object> tree) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child) {
                leaves.putAll(leaves(prefix + key + ".", map(child)));
            }
            else {
                leaves.put(prefix + key, value);
            }
        });
        return leaves;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Map<String, Object> probe(Map<String, Object> container, String probe) {
        return map(at(container, probe, "httpGet"));
    }

    private static List<Map<String, Object>> volumes(Map<String, Object> pod) {
        return list(pod.get("volumes"));
    }

    private static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return volumes(pod).stream().filter(volume -> name.equals(volume.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static List<Map<String, Object>> mounts(Map<String, Object> container) {
        return list(container.get("volumeMounts"));
    }

    private static String mountPath(Map<String, Object> container, String volume) {
        List<Map<String, Object>> found = mounts(container).stream()
                .filter(mount -> volume.equals(mount.get("name"))).toList();
        assertThat(found).as("mounts of volume %s", volume).hasSize(1);
        return (String) found.getFirst().get("mountPath");
    }

    private static Object at(Map<String, Object> tree, String... path) {
        Object node = tree;
        for (String key : path) {
            node = map(node).get(key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) Objects.requireNonNull(node, "no such node");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        return (List<Map<String, Object>>) Objects.requireNonNull(node, "no such node");
    }
}
