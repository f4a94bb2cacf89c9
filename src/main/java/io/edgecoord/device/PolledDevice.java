package io.edgecoord.device;

import java.time.Duration;
import java.util.List;

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
record PolledDevice(String name, DeviceProfile profile, ProtocolBinding binding, Duration interval, Duration timeout,
        String source, List<ProfileResource> pollResources, boolean locked) {
}
