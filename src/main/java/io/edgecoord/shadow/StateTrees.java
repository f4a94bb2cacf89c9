package io.edgecoord.shadow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS's shadow rules as pure operations on JSON trees: merge with metadata, delta, equality and
 * depth. {@link #merge} and {@link #clearConverged} change the trees they are given; callers pass
 * copies.
 */
final class StateTrees {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateTrees() {
    }

    /**
     * Deep-merges {@code patch} into {@code state} and stamps the touched leaves in {@code metadata}:
     * objects merge key by key, {@code null} removes a key (and an object left empty by removals),
     * anything else (arrays included) replaces the value whole.
     */
    static void merge(ObjectNode state, ObjectNode metadata, ObjectNode patch, long timestamp) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                state.remove(key);
                metadata.remove(key);
            }
            else if (value.isObject()) {
                boolean wasObject = state.get(key) instanceof ObjectNode;
                ObjectNode child = wasObject ? (ObjectNode) state.get(key) : state.putObject(key);
                ObjectNode childMetadata = (wasObject && metadata.get(key) instanceof ObjectNode existing) ? existing
                        : metadata.putObject(key);
                merge(child, childMetadata, (ObjectNode) value, timestamp);
                if (child.isEmpty() && !value.isEmpty()) {
                    state.remove(key);
                    metadata.remove(key);
                }
            }
            else {
                state.set(key, value.deepCopy());
                metadata.set(key, stamp(value, timestamp));
            }
        }
    }

    /** AWS's metadata for a value: {@code {"timestamp":t}} per leaf, arrays stamped element by element. */
    static JsonNode stamp(JsonNode value, long timestamp) {
        if (value.isObject()) {
            ObjectNode stamped = NODES.objectNode();
            value.properties().forEach((entry) -> stamped.set(entry.getKey(), stamp(entry.getValue(), timestamp)));
            return stamped;
        }
        if (value.isArray()) {
            ArrayNode stamped = NODES.arrayNode();
            value.values().forEach((element) -> stamped.add(stamp(element, timestamp)));
            return stamped;
        }
        return NODES.objectNode().put("timestamp", timestamp);
    }

    /**
     * The delta: every key of {@code desired} whose value differs from {@code reported}'s, or that
     * reported lacks. Objects on both sides are compared key by key; anything else whole.
     */
    static ObjectNode delta(ObjectNode desired, ObjectNode reported) {
        ObjectNode delta = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : desired.properties()) {
            JsonNode wanted = entry.getValue();
            JsonNode actual = reported.get(entry.getKey());
            if (wanted instanceof ObjectNode wantedObject && actual instanceof ObjectNode actualObject) {
                ObjectNode nested = delta(wantedObject, actualObject);
                if (!nested.isEmpty()) {
                    delta.set(entry.getKey(), nested);
                }
            }
            else if (actual == null || !same(wanted, actual)) {
                delta.set(entry.getKey(), wanted.deepCopy());
            }
        }
        return delta;
    }

    /**
     * Removes from {@code desired} (and its metadata) every leaf that {@code reported} already has,
     * and objects left empty by that, so that desired keeps only what the delta has.
     */
    static void clearConverged(ObjectNode desired, ObjectNode metadata, ObjectNode reported) {
        List<String> converged = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : desired.properties()) {
            JsonNode actual = reported.get(entry.getKey());
            if (entry.getValue() instanceof ObjectNode wanted && actual instanceof ObjectNode actualObject) {
                JsonNode childMetadata = metadata.get(entry.getKey());
                clearConverged(wanted, (childMetadata instanceof ObjectNode object) ? object : NODES.objectNode(),
                        actualObject);
                if (wanted.isEmpty()) {
                    converged.add(entry.getKey());
                }
            }
            else if (actual != null && same(entry.getValue(), actual)) {
                converged.add(entry.getKey());
            }
        }
        desired.remove(converged);
        metadata.remove(converged);
    }

    /** JSON equality where numbers compare by value ({@code 1 == 1.0}), arrays element by element. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            return a.size() == b.size() && a.properties()
                .stream()
                .allMatch((entry) -> b.has(entry.getKey()) && same(entry.getValue(), b.get(entry.getKey())));
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> others = b.values().iterator();
            return a.values().stream().allMatch((element) -> same(element, others.next()));
        }
        return a.equals(b);
    }

    /** Levels of nesting of a value: 0 for a scalar, 1 + the deepest child for an object or array. */
    static int depth(JsonNode value) {
        if (!value.isContainer()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : value.values()) {
            deepest = Math.max(deepest, depth(child));
        }
        return 1 + deepest;
    }

    /** Whether any array inside the value holds a {@code null} (which AWS refuses). */
    static boolean hasNullInArray(JsonNode value, boolean insideArray) {
        if (value.isNull()) {
            return insideArray;
        }
        boolean array = insideArray || value.isArray();
        return value.isContainer() && value.values().stream().anyMatch((child) -> hasNullInArray(child, array));
    }
}
