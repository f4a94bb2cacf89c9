package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import io.edgecoord.deployment.GreengrassArns.Cloud;
import io.edgecoord.deployment.GreengrassArns.Endpoint;
import io.edgecoord.deployment.GreengrassArns.Function;
import io.edgecoord.deployment.GreengrassArns.Other;
import io.edgecoord.deployment.GreengrassArns.ShadowService;
import io.edgecoord.deployment.GreengrassArns.Thing;

/**
 * Maps a Greengrass v1 group's subscriptions ({@code Source}, {@code Subject}, {@code Target}) to
 * edgecoord subscriptions and to what the tasks may publish and which shadows they may use: a pure
 * function, filled in one pass and then read.
 */
final class GreengrassRoutes {

    private static final Pattern SHADOW = Pattern.compile("\\$aws/things/([^/]+)/shadow/(update|get|delete)(/.*)?");

    final List<Map<String, Object>> subscriptions = new ArrayList<>();
    final Map<String, Set<String>> publish = new LinkedHashMap<>();
    /** Per function, the topic filters its mqtt subscriptions deliver: its permissions.subscribe. */
    final Map<String, Set<String>> subscribe = new LinkedHashMap<>();
    final Map<String, Set<String>> shadowsRead = new LinkedHashMap<>();
    final Map<String, Set<String>> shadowsWrite = new LinkedHashMap<>();
    /** Per thing, the first topic without wildcards it publishes on: its telemetry topic. */
    final Map<String, String> telemetry = new LinkedHashMap<>();

    private final GreengrassReport report;
    private final boolean bridge;

    GreengrassRoutes(GreengrassReport report, boolean bridge) {
        this.report = report;
        this.bridge = bridge;
    }

    void map(List<JsonNode> items) {
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "subscriptions[" + i + "] (" + GreengrassGroup.text(item, "Id") + ")";
            String subject = GreengrassGroup.text(item, "Subject");
            String source = GreengrassGroup.text(item, "Source");
            String target = GreengrassGroup.text(item, "Target");
            if (subject == null || source == null || target == null) {
                throw new InvalidGreengrassGroupException(at, "needs Source, Subject and Target as strings.");
            }
            route(GreengrassArns.endpoint(source), subject, GreengrassArns.endpoint(target), at);
        }
    }

    private void route(Endpoint from, String subject, Endpoint to, String at) {
        if (from instanceof Other || to instanceof Other) {
            String text = (from instanceof Other o) ? o.text() : ((Other) to).text();
            report.unmapped(at, "'" + text + "' is no function, thing, cloud or GGShadowService (a connector?); "
                    + "edgecoord runs no Greengrass connectors.");
            return;
        }
        if ((from instanceof Cloud || to instanceof Cloud) && !this.bridge) {
            report.unmapped(at, "reaches AWS IoT Core: needs the MQTT bridge (edgecoord.mqtt.bridge with '" + subject
                    + "' in its " + ((to instanceof Cloud) ? "up" : "down") + " filters); import with bridge: true then.");
            return;
        }
        if (from instanceof Thing thing && !subject.contains("+") && !subject.contains("#")) {
            this.telemetry.putIfAbsent(GreengrassArns.deviceName(thing.name()), subject);
        }
        switch (to) {
            case Function function -> toFunction(from, subject, function, at);
            case ShadowService shadow -> toShadow(from, subject, at);
            case Thing thing -> {
                if (from instanceof Function function) {
                    add(this.publish, function.name(), subject);
                }
                report.approximated(at, "the broker delivers '" + subject + "' to the thing " + thing.name()
                        + " when its key may subscribe to it (give the key topics.subscribe '" + subject + "').");
            }
            case Cloud cloud -> {
                if (from instanceof Function function) {
                    add(this.publish, function.name(), subject);
                }
                report.approximated(at, "goes up through the MQTT bridge: its up filters must cover '" + subject + "'.");
            }
            case Other other -> throw new IllegalStateException("handled above");
        }
    }

    private void toFunction(Endpoint from, String subject, Function function, String at) {
        // function: hands the message itself as the event, as Greengrass did (task: hands the envelope).
        String task = "function:" + function.name();
        switch (from) {
            case Thing thing -> {
                add(this.subscribe, function.name(), subject);
                subscription("mqtt", subject, task);
            }
            case Cloud cloud -> {
                add(this.subscribe, function.name(), subject);
                subscription("mqtt", subject, task);
                report.approximated(at, "comes down through the MQTT bridge: its down filters must cover '" + subject + "'.");
            }
            case Function source -> {
                add(this.publish, source.name(), subject);
                subscription("tasks", "tasks/" + source.name() + "/results", task);
                report.approximated(at, "a task's own MQTT publish does not trigger subscriptions (the coordinator "
                        + "does not hear itself again), so " + function.name() + " is invoked with the results of "
                        + source.name() + " (tasks/" + source.name() + "/results) instead of its publishes on '" + subject + "'.");
            }
            case ShadowService shadow -> {
                Matcher matcher = SHADOW.matcher(subject);
                if (subject.matches("\\$aws/things/[^/]+/shadow/update/delta")) {
                    subscription("shadows", subject, task);
                }
                else if (matcher.matches() && matcher.group(3) != null
                        && matcher.group(3).matches("/(accepted|rejected)")) {
                    report.approximated(at, "the shadow service's answer comes back to the call that asked "
                            + "(the SDK's return value), not as a message.");
                }
                else {
                    report.unmapped(at, "edgecoord's shadow service routes only update/delta to tasks, not '" + subject + "'.");
                }
            }
            case Other other -> throw new IllegalStateException("handled above");
        }
    }

    private void toShadow(Endpoint from, String subject, String at) {
        Matcher matcher = SHADOW.matcher(subject);
        if (!matcher.matches() || matcher.group(3) != null) {
            report.unmapped(at, "'" + subject + "' is no shadow request ($aws/things/<thing>/shadow/update|get|delete).");
            return;
        }
        String device = GreengrassArns.deviceName(matcher.group(1));
        switch (from) {
            case Function function -> add(matcher.group(2).equals("get") ? this.shadowsRead : this.shadowsWrite,
                    function.name(), device);
            case Thing thing -> report.approximated(at, "the thing speaks AWS's shadow topics to the broker itself; "
                    + "its key needs topics for $aws/things/" + matcher.group(1) + "/shadow/#.");
            default -> report.unmapped(at, "only functions and things call the shadow service here.");
        }
    }

    private void subscription(String source, String subject, String target) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("source", source);
        spec.put("subject", subject);
        spec.put("target", target);
        if (!this.subscriptions.contains(spec)) {
            this.subscriptions.add(spec);
        }
    }

    private static void add(Map<String, Set<String>> grants, String task, String value) {
        grants.computeIfAbsent(task, (t) -> new LinkedHashSet<>()).add(value);
    }
}
