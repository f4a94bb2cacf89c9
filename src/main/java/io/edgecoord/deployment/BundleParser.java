package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.edgecoord.routing.SubscriptionBundles.Spec;
import io.edgecoord.security.KeyTopics;

/** Reads a bundle from YAML or JSON (JSON is YAML), refusing what it does not know by name. */
final class BundleParser {

    private static final YAMLMapper yaml = YAMLMapper.builder().build();

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final Set<String> KNOWN = Set.of("prune", "tasks", "aliases", "subscriptions", "deviceProfiles",
            "devices", "keys");

    private static final Set<String> KEY_FIELDS = Set.of("id", "tasks", "topics");

    private static final Set<String> TOPIC_FIELDS = Set.of("publish", "subscribe");

    private static final Set<String> ALIAS_FIELDS = Set.of("task", "name", "version", "additionalVersion",
            "additionalWeight");

    private static final Set<String> SUBSCRIPTION_FIELDS = Set.of("source", "subject", "target", "schedule");

    private BundleParser() {
    }

    static Bundle parse(String document) {
        JsonNode root;
        try {
            root = yaml.readTree(document);
        }
        catch (JacksonException ex) {
            throw new InvalidBundleException("bundle", "not YAML or JSON: " + ex.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidBundleException("bundle", "must be an object with 'tasks' and 'subscriptions'.");
        }
        for (String field : root.propertyNames()) {
            if (!KNOWN.contains(field)) {
                throw new InvalidBundleException(field, "unknown field; a bundle has " + KNOWN + ".");
            }
        }
        JsonNode prune = root.path("prune");
        if (!prune.isMissingNode() && !prune.isBoolean()) {
            throw new InvalidBundleException("prune", "must be true or false.");
        }
        return new Bundle(prune.asBoolean(false), named(root, "tasks"), aliases(root.path("aliases")),
                subscriptions(root.path("subscriptions")), named(root, "deviceProfiles"), named(root, "devices"),
                keys(root.path("keys")), java.util.Set.copyOf(root.propertyNames()));
    }

    /** Items that are REST bodies of their module, known by their {@code name}. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> named(JsonNode root, String field) {
        List<Map<String, Object>> parsed = new ArrayList<>();
        List<JsonNode> items = list(root.path(field), field);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject() || !item.path("name").isString()) {
                throw new InvalidBundleException(field + "[" + i + "]", "must be an object with a 'name'.");
            }
            parsed.add(json.convertValue(item, LinkedHashMap.class));
        }
        return parsed;
    }

    private static List<KeySpec> keys(JsonNode keys) {
        List<KeySpec> parsed = new ArrayList<>();
        List<JsonNode> items = list(keys, "keys");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "keys[" + i + "]";
            fields(item, at, KEY_FIELDS);
            if (text(item, "id") == null) {
                throw new InvalidBundleException(at, "needs the 'id' of an existing key (a bundle never carries secrets).");
            }
            JsonNode topics = item.path("topics");
            KeyTopics limits = null;
            if (!topics.isMissingNode() && !topics.isNull()) {
                fields(topics, at + ".topics", TOPIC_FIELDS);
                limits = new KeyTopics(strings(topics.path("publish"), at + ".topics.publish"),
                        strings(topics.path("subscribe"), at + ".topics.subscribe"));
            }
            JsonNode tasks = item.path("tasks");
            parsed.add(new KeySpec(text(item, "id"),
                    (tasks.isMissingNode() || tasks.isNull()) ? null : strings(tasks, at + ".tasks"), limits));
        }
        return parsed;
    }

    private static List<String> strings(JsonNode node, String at) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : list(node, at)) {
            if (!value.isString()) {
                throw new InvalidBundleException(at, "must be a list of strings.");
            }
            values.add(value.asString());
        }
        return values;
    }

    private static List<AliasSpec> aliases(JsonNode aliases) {
        List<AliasSpec> parsed = new ArrayList<>();
        List<JsonNode> items = list(aliases, "aliases");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "aliases[" + i + "]";
            fields(item, at, ALIAS_FIELDS);
            String version = text(item, "version");
            if (text(item, "task") == null || text(item, "name") == null || version == null
                    || !(version.equals(AliasSpec.LATEST) || version.matches("[1-9][0-9]{0,8}"))) {
                throw new InvalidBundleException(at, "needs 'task', 'name' and 'version' (a number or 'latest').");
            }
            JsonNode extra = item.path("additionalVersion");
            JsonNode weight = item.path("additionalWeight");
            parsed.add(new AliasSpec(text(item, "task"), text(item, "name"), version,
                    extra.isNumber() ? extra.asInt() : null, weight.isNumber() ? weight.asDouble() : null));
        }
        return parsed;
    }

    private static void fields(JsonNode item, String at, Set<String> known) {
        if (!item.isObject()) {
            throw new InvalidBundleException(at, "must be an object.");
        }
        for (String field : item.propertyNames()) {
            if (!known.contains(field)) {
                throw new InvalidBundleException(at + "." + field, "unknown field.");
            }
        }
    }

    private static List<Spec> subscriptions(JsonNode subscriptions) {
        List<Spec> parsed = new ArrayList<>();
        List<JsonNode> items = list(subscriptions, "subscriptions");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "subscriptions[" + i + "]";
            fields(item, at, SUBSCRIPTION_FIELDS);
            parsed.add(new Spec(text(item, "source"), text(item, "subject"), text(item, "target"),
                    text(item, "schedule")));
        }
        return parsed;
    }

    private static List<JsonNode> list(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidBundleException(field, "must be a list.");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return (value.isMissingNode() || value.isNull()) ? null : value.asString();
    }
}
