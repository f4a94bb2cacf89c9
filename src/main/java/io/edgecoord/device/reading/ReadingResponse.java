package io.edgecoord.device.reading;

import java.time.Instant;

/**
 * One kept reading.
 *
 * @param resource the resource's name
 * @param value its value after the profile's transforms
 * @param at when it was read
 */
record ReadingResponse(String resource, Object value, Instant at) {
}
