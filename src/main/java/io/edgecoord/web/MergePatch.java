package io.edgecoord.web;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7396), shared by every API that accepts one: a pure function over trees. */
public final class MergePatch {

    private MergePatch() {
    }

    /**
     * The target with the patch applied: an object patch merges member by member, a {@code null}
     * member removes that member, anything else replaces the target whole. The target is not changed.
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = (target != null && target.isObject()) ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            }
            else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
