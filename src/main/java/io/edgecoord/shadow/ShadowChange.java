package io.edgecoord.shadow;

import tools.jackson.databind.node.ObjectNode;

/**
 * An accepted update: the document before and after, and what follows from it.
 *
 * @param previous the document before (empty at version 0 or the tombstone's version when there was none)
 * @param current the document after, one version on
 * @param desiredTouched whether the request changed desired, which is what leads to actuation
 * @param clientToken the request's token to echo, or null
 */
record ShadowChange(ShadowDocument previous, ShadowDocument current, boolean desiredTouched, String clientToken) {

    /** Whether the delta is non-empty and differs from the one before, so a delta event is due. */
    boolean deltaChanged() {
        ObjectNode delta = this.current.delta();
        return !delta.isEmpty() && !StateTrees.same(delta, this.previous.delta());
    }

    /** The accepted document as the update's response: the full document, with the client token echoed. */
    ObjectNode response() {
        ObjectNode json = this.current.toJson();
        if (this.clientToken != null) {
            json.put("clientToken", this.clientToken);
        }
        return json;
    }
}
