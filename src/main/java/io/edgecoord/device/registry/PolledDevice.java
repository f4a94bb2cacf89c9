package io.edgecoord.device.registry;

import java.time.Duration;
import java.util.List;

import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.device.profile.DeviceProfile;
import io.edgecoord.device.profile.ProfileResource;

/**
 * What the poller and commands need of a registered, resolved device.
 *
 * @param name the device's name
 * @param profile its profile
 * @param binding how to reach it
 * @param interval time between polls
 * @param timeout how long a poll may take
 * @param source the name a poll reads, as published in {@link DeviceReadingsPolled#source()}
 * @param pollResources the resources a poll reads
 * @param locked whether its admin state is LOCKED
 */
public record PolledDevice(String name, DeviceProfile profile, ProtocolBinding binding, Duration interval, Duration timeout,
        String source, List<ProfileResource> pollResources, boolean locked) {
}
