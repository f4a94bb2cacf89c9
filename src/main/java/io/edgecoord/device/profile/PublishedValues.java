package io.edgecoord.device.profile;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value each device's resources last published, and which values of a new reading are
 * published: all of them, except a resource with a {@link Deadband} whose value has not moved
 * beyond its band since it was last published. Thread-safe: a device's polls and its
 * subscription's data changes may arrive at once, and each selection is atomic per device.
 */
public final class PublishedValues {

    private final Map<String, Map<String, Object>> last = new ConcurrentHashMap<>();

    /**
     * The values of a reading to publish, remembered as the last published.
     * @param always publish every value whatever the deadbands say (on-demand reads, a write's read-back)
     */
    public Map<String, Object> select(DeviceProfile profile, String device, Map<String, Object> values, boolean always) {
        Map<String, Object> selected = new LinkedHashMap<>();
        this.last.compute(device, (name, previous) -> {
            Map<String, Object> before = (previous != null) ? previous : Map.of();
            values.forEach((resource, value) -> {
                Deadband band = profile.resource(resource).map(ProfileResource::deadband).orElse(null);
                if (always || band == null || band.passes(profile.resource(resource).orElseThrow(), before.get(resource),
                        value)) {
                    selected.put(resource, value);
                }
            });
            Map<String, Object> merged = new LinkedHashMap<>(before);
            merged.putAll(selected);
            return merged;
        });
        return selected;
    }

    /** The changed resources among those selected. */
    public static Set<String> changedAmong(Set<String> changed, Map<String, Object> selected) {
        Set<String> among = new HashSet<>(changed);
        among.retainAll(selected.keySet());
        return Set.copyOf(among);
    }

    public void forget(String device) {
        this.last.remove(device);
    }
}
