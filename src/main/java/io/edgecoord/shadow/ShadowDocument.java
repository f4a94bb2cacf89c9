package io.edgecoord.shadow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.edgecoord.shadow.StateTrees.NODES;

/**
 * One device's shadow as stored: desired and reported state, their per-leaf metadata, version and
 * time of the last accepted update. Treated as immutable: nothing changes its trees after it is made.
 *
 * @param desired the desired state (empty when there is none)
 * @param reported the reported state (empty when there is none)
 * @param desiredMetadata {@code {"timestamp":t}} for each leaf of desired
 * @param reportedMetadata {@code {"timestamp":t}} for each leaf of reported
 * @param version the number of accepted updates (continuing across a delete within the tombstone's life)
 * @param timestamp when the last update was accepted
 */
record ShadowDocument(ObjectNode desired, ObjectNode reported, ObjectNode desiredMetadata,
        ObjectNode reportedMetadata, long version, Instant timestamp) {

    /** A shadow with no state yet, at this version (0, or a deleted shadow's last version). */
    static ShadowDocument empty(long version, Instant timestamp) {
        return new ShadowDocument(NODES.objectNode(), NODES.objectNode(), NODES.objectNode(), NODES.objectNode(),
                version, timestamp);
    }

    /** Reads the state and metadata written by {@link #stored()}. */
    static ShadowDocument read(JsonNode stored, long version, Instant timestamp) {
        return new ShadowDocument(object(stored.path("state").path("desired")),
                object(stored.path("state").path("reported")), object(stored.path("metadata").path("desired")),
                object(stored.path("metadata").path("reported")), version, timestamp);
    }

    /** What is persisted: state and metadata; version and timestamp live in their own columns. */
    ObjectNode stored() {
        ObjectNode stored = NODES.objectNode();
        stored.putObject("state").setAll(sections(this.desired, this.reported, null));
        stored.putObject("metadata").setAll(sections(this.desiredMetadata, this.reportedMetadata, null));
        return stored;
    }

    /** The keys of desired that reported does not (yet) have, by AWS's delta rules. */
    ObjectNode delta() {
        return StateTrees.delta(this.desired, this.reported);
    }

    /** The document as AWS's {@code update/documents} shows it: state and metadata without delta, and version. */
    ObjectNode snapshot() {
        ObjectNode json = stored();
        json.put("version", this.version);
        return json;
    }

    /** The document as AWS's GET returns it, with {@code state.delta}; empty sections are left out. */
    ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        json.putObject("state").setAll(sections(this.desired, this.reported, delta()));
        json.putObject("metadata").setAll(sections(this.desiredMetadata, this.reportedMetadata, null));
        json.put("version", this.version);
        json.put("timestamp", this.timestamp.getEpochSecond());
        json.put("timestampMs", this.timestamp.toEpochMilli());
        return json;
    }

    /** The size that counts against the limit: desired and reported, as UTF-8 JSON. */
    int stateBytes() {
        ObjectNode state = NODES.objectNode();
        state.set("desired", this.desired);
        state.set("reported", this.reported);
        return state.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static ObjectNode sections(ObjectNode desired, ObjectNode reported, ObjectNode delta) {
        ObjectNode sections = NODES.objectNode();
        if (!desired.isEmpty()) {
            sections.set("desired", desired.deepCopy());
        }
        if (!reported.isEmpty()) {
            sections.set("reported", reported.deepCopy());
        }
        if (delta != null && !delta.isEmpty()) {
            sections.set("delta", delta);
        }
        return sections;
    }

    private static ObjectNode object(JsonNode node) {
        return node.isObject() ? ((ObjectNode) node).deepCopy() : NODES.objectNode();
    }
}
