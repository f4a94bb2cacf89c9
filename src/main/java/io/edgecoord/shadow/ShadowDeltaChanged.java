package io.edgecoord.shadow;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * An accepted update left a non-empty delta between desired and reported.
 *
 * @param device the device's name
 * @param delta the delta, as AWS's {@code /update/delta} state
 * @param version the shadow's version after the update
 * @param at when it was accepted
 */
public record ShadowDeltaChanged(String device, JsonNode delta, long version, Instant at) {
}
