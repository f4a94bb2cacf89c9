package io.edgecoord.device.opcua;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.api.UaSession;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscriptionManager;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import tools.jackson.databind.JsonNode;

import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.registry.OpcUaBinding;
import io.edgecoord.device.registry.PolledDevice;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * OPC UA devices with {@code sampling: subscribe}: one session and one subscription per device,
 * publishing at the device's interval, with a monitored item per readable resource. Each data
 * change is handed to the consumer as the raw value of its resource, on Milo's notification
 * thread. {@link #ensure} is the poller's liveness check: it creates the subscription when there
 * is none and fails (UNREACHABLE) once the session or the subscription was lost, dropping it, so
 * the next check builds a new one; Milo's own reconnect is not relied on, because a restarted
 * server has forgotten the subscription anyway.
 */
public final class OpcUaSubscriptions implements AutoCloseable {

    private final OpcUaSessions opener;

    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    public OpcUaSubscriptions(OpcUaSessions opener) {
        this.opener = opener;
    }

    /** Keeps the device's subscription alive, or says why it is not. */
    public void ensure(PolledDevice device, Duration timeout, BiConsumer<ProfileResource, Change> changes)
            throws DeviceCallException {
        OpcUaBinding binding = (OpcUaBinding) device.binding();
        Watch watch = this.watches.get(device.name());
        if (watch != null) {
            String lost = watch.lost;
            if (lost == null) {
                return;
            }
            stop(device.name());
            throw new DeviceCallException(FailureKind.UNREACHABLE, "the subscription to " + binding.endpointUrl()
                    + " was lost: " + lost);
        }
        OpcUaClient client = this.opener.open(binding, timeout);
        Watch created = new Watch(client);
        // Held before the items exist: their first notifications (the current values) come at once.
        Watch raced = this.watches.put(device.name(), created);
        if (raced != null) {
            raced.client.disconnect();
        }
        try {
            subscribe(created, device, timeout, changes);
        }
        catch (DeviceCallException | RuntimeException ex) {
            this.watches.remove(device.name(), created);
            client.disconnect();
            throw ex;
        }
    }

    /**
     * The resource's deadband as the server's DataChangeFilter, so that small moves are not even
     * sent: always absolute, in the node's raw units (the band divided by the scale), since a
     * percent of ours is of the profile's span, not of the node's EURange, which a server may not
     * have. Null without a deadband: the server's default (any change of value or status).
     */
    private static ExtensionObject filter(Watch watch, ProfileResource resource) {
        if (resource.deadband() == null) {
            return null;
        }
        double raw = resource.deadband().band(resource) / Math.abs(resource.scale());
        return ExtensionObject.encode(watch.client.getStaticSerializationContext(), new DataChangeFilter(
                DataChangeTrigger.StatusValue, uint(DeadbandType.Absolute.getValue()), raw));
    }

    private void subscribe(Watch watch, PolledDevice device, Duration timeout,
            BiConsumer<ProfileResource, Change> changes) throws DeviceCallException {
        String what = "subscribing to " + ((OpcUaBinding) device.binding()).endpointUrl();
        double interval = device.interval().toMillis();
        watch.client.addSessionActivityListener(watch);
        watch.client.getSubscriptionManager().addSubscriptionListener(watch);
        UaSubscription subscription = OpcUaSessions.await(
                watch.client.getSubscriptionManager().createSubscription(interval), timeout, what);
        List<ProfileResource> resources = device.pollResources();
        List<MonitoredItemCreateRequest> requests = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            ReadValueId id = new ReadValueId(OpcUaDeviceClient.node(resources.get(i)), AttributeId.Value.uid(), null,
                    QualifiedName.NULL_VALUE);
            requests.add(new MonitoredItemCreateRequest(id, MonitoringMode.Reporting,
                    new MonitoringParameters(uint(i), interval, filter(watch, resources.get(i)), uint(10), true)));
        }
        UaSubscription.ItemCreationCallback onCreated = (item, index) -> item.setValueConsumer((value) -> {
            // A value of bad quality is no reading; the liveness check sees a lost session.
            if (value.getStatusCode() == null || value.getStatusCode().isGood()) {
                ProfileResource resource = resources.get(index);
                changes.accept(resource, () -> OpcUaValues.raw(resource, value.getValue()));
            }
        });
        List<UaMonitoredItem> items = OpcUaSessions.await(
                subscription.createMonitoredItems(TimestampsToReturn.Both, requests, onCreated), timeout, what);
        for (int i = 0; i < items.size(); i++) {
            StatusCode status = items.get(i).getStatusCode();
            if (!status.isGood()) {
                throw new DeviceCallException(FailureKind.DEVICE_ERROR, "monitoring node "
                        + OpcUaDeviceClient.node(resources.get(i)).toParseableString() + " of '"
                        + resources.get(i).name() + "': " + OpcUaSessions.name(status));
            }
        }
    }

    /** Ends the device's subscription and session, as when it is locked, changed or deleted. */
    public void stop(String device) {
        Watch watch = this.watches.remove(device);
        if (watch != null) {
            watch.client.disconnect();
        }
    }

    public boolean watching(String device) {
        return this.watches.containsKey(device);
    }

    @Override
    public void close() {
        List.copyOf(this.watches.keySet()).forEach(this::stop);
    }

    /** A data change's raw value, converted where the consumer can take the failure of a wrong type. */
    @FunctionalInterface
    public interface Change {

        JsonNode raw() throws DeviceCallException;
    }

    /** One device's session and subscription, and why they were lost, if they were. */
    private static final class Watch implements SessionActivityListener, UaSubscriptionManager.SubscriptionListener {

        private final OpcUaClient client;

        private volatile String lost;

        Watch(OpcUaClient client) {
            this.client = client;
        }

        @Override
        public void onSessionInactive(UaSession session) {
            this.lost = "the session became inactive";
        }

        @Override
        public void onPublishFailure(UaException exception) {
            this.lost = "publishing failed: " + OpcUaSessions.name(exception.getStatusCode());
        }

        @Override
        public void onSubscriptionTransferFailed(UaSubscription subscription, StatusCode status) {
            this.lost = "the server no longer has it: " + OpcUaSessions.name(status);
        }

        @Override
        public void onSubscriptionWatchdogTimerElapsed(UaSubscription subscription) {
            this.lost = "no publish response or keep-alive in time";
        }

        @Override
        public void onStatusChanged(UaSubscription subscription, StatusCode status) {
            if (!status.isGood()) {
                this.lost = "its status became " + OpcUaSessions.name(status);
            }
        }
    }
}
