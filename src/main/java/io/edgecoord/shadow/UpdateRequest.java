package io.edgecoord.shadow;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An update request document, checked against AWS's rules:
 * {@code {"state":{"desired":{...},"reported":{...}},"version":n,"clientToken":"..."}}.
 *
 * @param desired what to do with the desired section
 * @param reported what to do with the reported section
 * @param version the version the client expects, or null
 * @param clientToken the client's token to echo, or null
 */
record UpdateRequest(SectionChange desired, SectionChange reported, Long version, String clientToken) {

    private static final Set<String> TOP_LEVEL = Set.of("state", "version", "clientToken");

    private static final Set<String> SECTIONS = Set.of("desired", "reported");

    private static final int MAX_CLIENT_TOKEN_BYTES = 64;

    /** What an update does to one section of the state. */
    sealed interface SectionChange {

        /** The request leaves the section alone. */
        record Unchanged() implements SectionChange {
        }

        /** {@code null}: the whole section goes. */
        record Cleared() implements SectionChange {
        }

        /** An object deep-merged into the section. */
        record Merged(ObjectNode patch) implements SectionChange {
        }
    }

    /** A request that merges values into reported, as a device (or the poller on its behalf) sends, checked alike. */
    static UpdateRequest reporting(ObjectNode values, int maxDepth) {
        ObjectNode body = StateTrees.NODES.objectNode();
        body.putObject("state").set("reported", values);
        return parse(body, maxDepth);
    }

    /**
     * Reads a request document.
     *
     * @throws InvalidShadowRequestException with AWS's message when the document breaks a rule
     */
    static UpdateRequest parse(JsonNode body, int maxDepth) {
        if (body == null || !body.isObject()) {
            throw new InvalidShadowRequestException("Invalid JSON");
        }
        String token = clientToken(body.get("clientToken"));
        try {
            for (String key : body.propertyNames()) {
                if (!TOP_LEVEL.contains(key)) {
                    throw new InvalidShadowRequestException("State contains an invalid node");
                }
            }
            Long version = version(body.get("version"));
            JsonNode state = body.get("state");
            if (state == null) {
                throw new InvalidShadowRequestException("Missing required node: state");
            }
            if (state.isNull()) {
                return new UpdateRequest(new SectionChange.Cleared(), new SectionChange.Cleared(), version, token);
            }
            if (!state.isObject()) {
                throw new InvalidShadowRequestException("State node must be an object");
            }
            for (String key : state.propertyNames()) {
                if (!SECTIONS.contains(key)) {
                    throw new InvalidShadowRequestException("State contains an invalid node");
                }
            }
            return new UpdateRequest(section(state.get("desired"), "Desired", maxDepth),
                    section(state.get("reported"), "Reported", maxDepth), version, token);
        }
        catch (ShadowException ex) {
            throw ex.clientToken(token);
        }
    }

    /** Whether the request changes desired (the only kind of update that leads to actuation). */
    boolean touchesDesired() {
        return !(this.desired instanceof SectionChange.Unchanged);
    }

    private static SectionChange section(JsonNode node, String name, int maxDepth) {
        if (node == null) {
            return new SectionChange.Unchanged();
        }
        if (node.isNull()) {
            return new SectionChange.Cleared();
        }
        if (!node.isObject()) {
            throw new InvalidShadowRequestException(name + " node must be an object");
        }
        if (StateTrees.depth(node) > maxDepth) {
            throw new InvalidShadowRequestException(
                    "JSON contains too many levels of nesting; maximum is " + maxDepth);
        }
        if (StateTrees.hasNullInArray(node, false)) {
            throw new InvalidShadowRequestException("Arrays may not contain null");
        }
        return new SectionChange.Merged((ObjectNode) node);
    }

    private static Long version(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new InvalidShadowRequestException("Invalid version");
        }
        return node.longValue();
    }

    private static String clientToken(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isString() || node.stringValue().getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_TOKEN_BYTES) {
            throw new InvalidShadowRequestException("Invalid clientToken");
        }
        return node.stringValue();
    }
}
