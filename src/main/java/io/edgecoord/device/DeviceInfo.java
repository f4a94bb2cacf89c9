package io.edgecoord.device;

import java.util.Set;

/**
 * What other modules may know of a registered device.
 *
 * @param name the device's unique name
 * @param profile its profile's name
 * @param readableResources resources that can be read (R or RW)
 * @param writableResources resources that can be written (W or RW)
 * @param locked whether its admin state is LOCKED (not polled, commands refused)
 * @param status its connectivity status
 */
public record DeviceInfo(String name, String profile, Set<String> readableResources, Set<String> writableResources,
        boolean locked, ConnectivityStatus status) {
}
