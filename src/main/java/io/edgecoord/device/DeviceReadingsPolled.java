package io.edgecoord.device;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A poll of a device succeeded (published after every successful poll or on-demand read).
 *
 * @param device the device's name
 * @param source the command or resource that was read
 * @param values the values read, by resource name, after the profile's transforms (numbers,
 *     strings, booleans, or nested maps and lists for OBJECT resources)
 * @param changed the resources whose values differ from the previous successful poll
 * @param at when the values were read
 */
public record DeviceReadingsPolled(String device, String source, Map<String, Object> values, Set<String> changed,
        Instant at) {
}
