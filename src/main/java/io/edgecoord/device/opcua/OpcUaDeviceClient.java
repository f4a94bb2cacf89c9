package io.edgecoord.device.opcua;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import tools.jackson.databind.JsonNode;

import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.profile.DeviceProfile;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.registry.OpcUaBinding;

/**
 * The OPC UA binding: one session per endpoint, security and identity, opened on first use and
 * dropped after a failure of the connection (the next request opens a new one). A poll's
 * resources are read in one Read request; a write is one Write request. Each resource names its
 * node in the attribute {@code nodeId} ({@code ns=2;s=Temperature}).
 */
public final class OpcUaDeviceClient implements AutoCloseable {

    private final Map<String, OpcUaClient> sessions = new ConcurrentHashMap<>();

    private final OpcUaSessions opener;

    public OpcUaDeviceClient(OpcUaSessions opener) {
        this.opener = opener;
    }

    /** Checks that every resource names a node, when a device is registered. */
    public static void check(DeviceProfile profile) {
        profile.resources().forEach(OpcUaDeviceClient::node);
    }

    public Map<ProfileResource, JsonNode> read(OpcUaBinding binding, List<ProfileResource> resources,
            Supplier<Duration> remaining) throws DeviceCallException {
        List<ReadValueId> ids = new ArrayList<>();
        resources.forEach((r) -> ids.add(new ReadValueId(node(r), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE)));
        ReadResponse response = call(binding, remaining.get(), "reading " + resources.size() + " nodes",
                (client) -> client.read(0.0, TimestampsToReturn.Neither, ids));
        DataValue[] results = response.getResults();
        Map<ProfileResource, JsonNode> values = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            ProfileResource resource = resources.get(i);
            DataValue value = results[i];
            if (value.getStatusCode() != null && !value.getStatusCode().isGood()) {
                throw new DeviceCallException(FailureKind.DEVICE_ERROR, "reading node " + node(resource).toParseableString()
                        + " of '" + resource.name() + "': " + OpcUaSessions.name(value.getStatusCode()));
            }
            values.put(resource, OpcUaValues.raw(resource, value.getValue()));
        }
        return values;
    }

    public void write(OpcUaBinding binding, ProfileResource resource, JsonNode raw, Duration timeout)
            throws DeviceCallException {
        WriteValue value = new WriteValue(node(resource), AttributeId.Value.uid(), null,
                DataValue.valueOnly(OpcUaValues.variant(resource, raw)));
        WriteResponse response = call(binding, timeout, "writing '" + resource.name() + "'",
                (client) -> client.write(List.of(value)));
        StatusCode status = response.getResults()[0];
        if (!status.isGood()) {
            throw new DeviceCallException(FailureKind.DEVICE_ERROR, "writing node " + node(resource).toParseableString()
                    + " of '" + resource.name() + "': " + OpcUaSessions.name(status));
        }
    }

    private <T> T call(OpcUaBinding binding, Duration timeout, String what,
            java.util.function.Function<OpcUaClient, java.util.concurrent.CompletableFuture<T>> request)
            throws DeviceCallException {
        OpcUaClient client = this.sessions.get(binding.sessionKey());
        if (client == null) {
            client = this.opener.open(binding, timeout);
            OpcUaClient raced = this.sessions.putIfAbsent(binding.sessionKey(), client);
            if (raced != null) {
                client.disconnect();
                client = raced;
            }
        }
        try {
            return OpcUaSessions.await(request.apply(client), timeout, what);
        }
        catch (DeviceCallException ex) {
            if (ex.kind() != FailureKind.DEVICE_ERROR) {
                this.sessions.remove(binding.sessionKey(), client);
                client.disconnect();
            }
            throw ex;
        }
    }

    static NodeId node(ProfileResource resource) {
        String text = resource.attributes().get("nodeId");
        if (text == null) {
            throw new InvalidDefinitionException("resource '" + resource.name() + "': attributes.nodeId is required "
                    + "for OPC UA (such as ns=2;s=Temperature)");
        }
        return NodeId.parseSafe(text).orElseThrow(() -> new InvalidDefinitionException("resource '" + resource.name()
                + "': attributes.nodeId '" + text + "' is not an OPC UA node id"));
    }

    @Override
    public void close() {
        this.sessions.values().forEach(OpcUaClient::disconnect);
        this.sessions.clear();
    }
}
