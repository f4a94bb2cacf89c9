package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.device.DeviceBundles;
import io.edgecoord.device.DeviceBundles.Outcome;

/**
 * Puts a bundle's device profiles and devices through the device module's {@link DeviceBundles},
 * in the caller's transaction: profiles first (a device may use a new one), then devices, then
 * the deletions, devices before the profiles they used.
 */
@Component
class DeviceChanges {

    private final DeviceBundles devices;

    DeviceChanges(DeviceBundles devices) {
        this.devices = devices;
    }

    /**
     * What the device kinds changed.
     *
     * @param profiles device profiles by name
     * @param devices devices by name
     */
    record Result(Diff.Changes profiles, Diff.Changes devices) {
    }

    Result apply(Bundle bundle, Pruning pruning) {
        List<String> profilesBefore = this.devices.profileNames();
        List<String> devicesBefore = this.devices.deviceNames();
        List<String> createdProfiles = new ArrayList<>();
        List<String> changedProfiles = new ArrayList<>();
        put(bundle.deviceProfiles(), "deviceProfiles", createdProfiles, changedProfiles, this.devices::putProfile);
        List<String> createdDevices = new ArrayList<>();
        List<String> changedDevices = new ArrayList<>();
        put(bundle.devices(), "devices", createdDevices, changedDevices, this.devices::putDevice);
        List<String> deletedDevices = stale(devicesBefore, bundle.devices(), "device:", pruning,
                bundle.sections().contains("devices"));
        deletedDevices.forEach(this.devices::deleteDevice);
        List<String> deletedProfiles = stale(profilesBefore, bundle.deviceProfiles(), "profile:", pruning,
                bundle.sections().contains("deviceProfiles"));
        for (String profile : deletedProfiles) {
            try {
                this.devices.deleteProfile(profile);
            }
            catch (ErrorResponseException ex) {
                throw new InvalidBundleException("deviceProfiles (" + profile + ")", ex.getBody().getDetail());
            }
        }
        return new Result(new Diff.Changes(createdProfiles, changedProfiles, deletedProfiles),
                new Diff.Changes(createdDevices, changedDevices, deletedDevices));
    }

    private static void put(List<Map<String, Object>> items, String field, List<String> created, List<String> changed,
            java.util.function.Function<Map<String, Object>, Outcome> put) {
        for (int i = 0; i < items.size(); i++) {
            String name = Bundle.name(items.get(i));
            Outcome outcome;
            try {
                outcome = put.apply(items.get(i));
            }
            catch (ErrorResponseException ex) {
                throw new InvalidBundleException(field + "[" + i + "] (" + name + ")", ex.getBody().getDetail());
            }
            switch (outcome) {
                case CREATED -> created.add(name);
                case CHANGED -> changed.add(name);
                case UNCHANGED -> {
                }
            }
        }
    }

    private static List<String> stale(List<String> before, List<Map<String, Object>> named, String kind,
            Pruning pruning, boolean sectionGiven) {
        Set<String> names = named.stream().map(Bundle::name).collect(Collectors.toSet());
        return before.stream().filter((n) -> !names.contains(n) && pruning.removes(kind + n, sectionGiven)).toList();
    }
}
