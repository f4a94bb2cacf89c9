package io.edgecoord.shadow;

import tools.jackson.databind.JsonNode;

/** Reads and updates device shadows, for other modules. */
public interface Shadows {

    /** The full shadow document of a device, with {@code state.delta}. */
    JsonNode document(String device);

    /**
     * Applies an update request document ({@code {"state":{"desired":{...}}}}) as an API client
     * would, with AWS's merge rules; {@code expectedVersion} may be null (last write wins).
     *
     * @return the accepted document
     */
    JsonNode update(String device, JsonNode request, Long expectedVersion);
}
