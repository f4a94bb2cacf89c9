package io.edgecoord.device.polling;

import io.edgecoord.device.mqtt.MqttDevices;
import io.edgecoord.device.network.AddressGuard;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.registry.MqttBinding;
import io.edgecoord.device.registry.PolledDevice;

/**
 * The running side of the device module, as the registry drives it: the poller, connectivity,
 * the reader, value transforms, the guard of device addresses and the MQTT devices. {@link #apply} turns a change
 * of definition into schedule changes and LOCKED/UNLOCKED events.
 */
public final class DeviceRuntime implements AutoCloseable {

    private final DeviceProperties properties;

    private final DevicePoller poller;

    private final ConnectivityTracker connectivity;

    private final DeviceReader reader;

    private final ValueTransforms transforms;

    private final AddressGuard addresses;

    private final MqttDevices mqtt;

    DeviceRuntime(DeviceProperties properties, DevicePoller poller, ConnectivityTracker connectivity,
            DeviceReader reader, ValueTransforms transforms, AddressGuard addresses, MqttDevices mqtt) {
        this.mqtt = mqtt;
        this.properties = properties;
        this.poller = poller;
        this.connectivity = connectivity;
        this.reader = reader;
        this.transforms = transforms;
        this.addresses = addresses;
    }

    /** A device appeared ({@code previous} null) or changed: start, restart, or stop its schedule. */
    public void apply(PolledDevice previous, PolledDevice next) {
        this.connectivity.get(next.name());
        if (previous == null) {
            if (next.locked()) {
                this.connectivity.lockedQuietly(next.name());
            }
            else {
                start(next);
            }
            return;
        }
        if (next.locked() && !previous.locked()) {
            stop(next.name());
            this.connectivity.locked(next.name());
        }
        else if (!next.locked() && previous.locked()) {
            this.connectivity.unlocked(next.name());
            start(next);
        }
        else if (!next.locked() && !next.equals(previous)) {
            stop(next.name());
            start(next);
        }
    }

    /** Polls a device, or, for an MQTT device, hears it: it publishes, nobody polls it. */
    private void start(PolledDevice device) {
        if (device.binding() instanceof MqttBinding) {
            this.mqtt.watch(device);
        }
        else {
            this.poller.schedule(device);
        }
    }

    /** Stops polling or hearing a device. */
    public void stop(String device) {
        this.poller.unschedule(device);
        this.mqtt.unwatch(device);
    }

    public void forget(String device) {
        stop(device);
        this.connectivity.forget(device);
        this.reader.forget(device);
    }

    public DeviceProperties properties() {
        return this.properties;
    }

    DevicePoller poller() {
        return this.poller;
    }

    public ConnectivityTracker connectivity() {
        return this.connectivity;
    }

    public DeviceReader reader() {
        return this.reader;
    }

    public ValueTransforms transforms() {
        return this.transforms;
    }

    public MqttDevices mqtt() {
        return this.mqtt;
    }

    public AddressGuard addresses() {
        return this.addresses;
    }

    @Override
    public void close() {
        this.poller.close();
        this.mqtt.close();
        this.reader.close();
    }
}
