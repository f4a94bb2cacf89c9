package io.edgecoord.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GreengrassMappingTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final String FN = "arn:aws:lambda:us-west-2:123456789012:function:";

    @Test
    void readsCloudFormationPropertiesAsTheApisShapes() {
        GreengrassGroup group = GreengrassGroup.parse(json.readTree("""
                {"cloudFormation": {"Resources": {
                   "Functions": {"Type": "AWS::Greengrass::FunctionDefinitionVersion", "Properties": {
                     "FunctionDefinitionId": "x",
                     "DefaultConfig": {"Execution": {"IsolationMode": "NoContainer"}},
                     "Functions": [{"Id": "a", "FunctionArn": "%sreader:1",
                       "FunctionConfiguration": {"Executable": "r.handle", "Timeout": 1200, "MemorySize": 65536}}]}},
                   "Subs": {"Type": "AWS::Greengrass::SubscriptionDefinition", "Properties": {"InitialVersion": {
                     "Subscriptions": [{"Id": "s", "Source": "cloud", "Subject": "cmd/#", "Target": "%sreader:1"}]}}}}},
                 "functions": {"reader": {"runtime": "java11", "codeSha256": "%s"}},
                 "bridge": true}
                """.formatted(FN, FN, "a".repeat(64))));

        GreengrassMapping.Result result = GreengrassMapping.map(group, Map.of());

        @SuppressWarnings("unchecked")
        Map<String, Object> task = ((List<Map<String, Object>>) result.bundle().get("tasks")).get(0);
        assertThat(task).containsEntry("name", "reader").containsEntry("runtime", "java17")
            .containsEntry("handler", "r.handle").containsEntry("timeoutSeconds", 900).containsEntry("memoryMb", 64);
        assertThat(task.get("execution")).isEqualTo(Map.of("isolation", "none"));
        assertThat(result.bundle().get("subscriptions").toString()).contains("source=mqtt, subject=cmd/#, target=function:reader");
        assertThat(result.report().approximated()).extracting(GreengrassReport.Item::item)
            .contains("subscriptions[0] (s)", "functions[0] (" + FN + "reader:1).Timeout");
    }

    @Test
    void aFunctionPublishingToAnotherIsRoutedByItsResultsAndSaysSo() {
        GreengrassReport report = new GreengrassReport();
        GreengrassRoutes routes = new GreengrassRoutes(report, false);

        routes.map(List.of(subscription("f2f", FN + "a", "a/out", FN + "b:live"),
                subscription("up", FN + "a", "a/up", "cloud")));

        assertThat(routes.subscriptions).containsExactly(Map.of("source", "tasks", "subject", "tasks/a/results",
                "target", "function:b"));
        assertThat(routes.publish.get("a")).containsExactly("a/out");
        assertThat(report.approximated()).extracting(GreengrassReport.Item::item).containsExactly("subscriptions[0] (f2f)");
        assertThat(report.unmapped()).extracting(GreengrassReport.Item::reason)
            .anySatisfy((reason) -> assertThat(reason).contains("needs the MQTT bridge"));
    }

    @Test
    void shadowRequestsBecomeShadowPermissionsAndDeltasSubscriptions() {
        GreengrassReport report = new GreengrassReport();
        GreengrassRoutes routes = new GreengrassRoutes(report, false);

        routes.map(List.of(subscription("get", FN + "a", "$aws/things/T1/shadow/get", "GGShadowService"),
                subscription("upd", FN + "a", "$aws/things/T2/shadow/update", "GGShadowService"),
                subscription("delta", "GGShadowService", "$aws/things/T1/shadow/update/delta", FN + "a"),
                subscription("docs", "GGShadowService", "$aws/things/T1/shadow/update/documents", FN + "a")));

        assertThat(routes.shadowsRead.get("a")).containsExactly("T1");
        assertThat(routes.shadowsWrite.get("a")).containsExactly("T2");
        assertThat(routes.subscriptions).hasSize(1);
        assertThat(report.unmapped()).extracting(GreengrassReport.Item::item).containsExactly("subscriptions[3] (docs)");
    }

    @Test
    void aFunctionWithoutRuntimeOrCodeIsRefusedNamingIt() {
        JsonNode noRuntime = json.readTree("""
                {"functionDefinitionVersion": {"Definition": {"Functions": [
                  {"Id": "a", "FunctionArn": "%sa", "FunctionConfiguration": {"Executable": "a.h"}}]}}}
                """.formatted(FN));
        assertThatThrownBy(() -> GreengrassMapping.map(GreengrassGroup.parse(noRuntime), Map.of()))
            .hasMessageContaining("functions[0]").hasMessageContaining("runtime");
        JsonNode noCode = json.readTree("""
                {"functionDefinitionVersion": {"Definition": {"Functions": [
                  {"Id": "a", "FunctionArn": "%sa", "FunctionConfiguration": {"Executable": "a.h"}}]}},
                 "functions": {"a": {"runtime": "python3.11"}}}
                """.formatted(FN));
        assertThatThrownBy(() -> GreengrassMapping.map(GreengrassGroup.parse(noCode), Map.of()))
            .hasMessageContaining("no code");
        assertThatThrownBy(() -> GreengrassGroup.parse(json.readTree("{\"groups\": {}}"))).hasMessageContaining("groups");
    }

    private static JsonNode subscription(String id, String source, String subject, String target) {
        return json.valueToTree(Map.of("Id", id, "Source", source, "Subject", subject, "Target", target));
    }

    @Test
    void aFunctionFedByAThingMaySubscribeToTheThingsTopicSoItsDeliveriesAreAllowed() {
        GreengrassRoutes routes = new GreengrassRoutes(new GreengrassReport(), false);

        routes.map(List.of(subscription("t2f", "arn:aws:iot:us-west-2:123456789012:thing/sensor", "sensors/+/temp",
                FN + "a")));

        assertThat(routes.subscriptions).containsExactly(Map.of("source", "mqtt", "subject", "sensors/+/temp",
                "target", "function:a"));
        assertThat(routes.subscribe.get("a")).containsExactly("sensors/+/temp");
    }
}
