package io.edgecoord.device.opcua;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.api.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

import io.edgecoord.device.network.AddressGuard;
import io.edgecoord.device.network.AddressRefusedException;
import io.edgecoord.device.network.Addresses;
import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.registry.OpcUaBinding;

/**
 * Opens OPC UA sessions: the endpoint's host is judged by the network policy, discovery and the
 * session go to the admitted address only (a server's endpoint list may name other hosts; they
 * are never followed), the endpoint of the binding's policy and mode is chosen, and the session
 * is activated anonymously or with user/password. Failures become {@link DeviceCallException}s.
 */
public final class OpcUaSessions {

    private final AddressGuard guard;

    private final OpcUaCertificates certificates;

    private final String applicationUri;

    public OpcUaSessions(AddressGuard guard, OpcUaCertificates certificates, String applicationUri) {
        this.guard = guard;
        this.certificates = certificates;
        this.applicationUri = applicationUri;
    }

    OpcUaClient open(OpcUaBinding binding, Duration timeout) throws DeviceCallException {
        String what = "connecting to " + binding.endpointUrl();
        String host;
        try {
            InetAddress admitted = this.guard.admit(binding.host(), binding.port()).getFirst();
            host = Addresses.text(admitted);
            host = host.contains(":") ? "[" + host + "]" : host;
        }
        catch (AddressRefusedException ex) {
            throw new DeviceCallException(FailureKind.REFUSED, what + " not tried: " + ex.getMessage());
        }
        catch (UnknownHostException ex) {
            throw new DeviceCallException(FailureKind.UNREACHABLE, what + ": unknown host " + binding.host());
        }
        URI url = URI.create(binding.endpointUrl());
        String discovery = "opc.tcp://" + host + ":" + binding.port() + ((url.getRawPath() != null) ? url.getRawPath() : "");
        SecurityPolicy policy = binding.securityPolicy().equals("None") ? SecurityPolicy.None : SecurityPolicy.Basic256Sha256;
        MessageSecurityMode mode = MessageSecurityMode.valueOf(binding.securityMode());
        List<EndpointDescription> endpoints = await(DiscoveryClient.getEndpoints(discovery), timeout, what);
        EndpointDescription chosen = endpoints.stream()
            .filter((e) -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
            .findFirst()
            .orElseThrow(() -> new DeviceCallException(FailureKind.DEVICE_ERROR, what + ": the server offers no "
                    + "endpoint with security " + binding.securityPolicy() + "/" + binding.securityMode()));
        try {
            OpcUaClientConfig config = OpcUaClientConfig.builder()
                .setEndpoint(EndpointUtil.updateUrl(chosen, host.replace("[", "").replace("]", ""), binding.port()))
                .setApplicationName(LocalizedText.english("edgecoord"))
                .setApplicationUri(this.applicationUri)
                .setKeyPair(this.certificates.keyPair())
                .setCertificate(this.certificates.certificate())
                .setCertificateValidator(this.certificates.validator())
                .setIdentityProvider((binding.username() != null)
                        ? new UsernameProvider(binding.username(), binding.password()) : new AnonymousProvider())
                .setRequestTimeout(Unsigned.uint(Math.max(1, timeout.toMillis())))
                .build();
            OpcUaClient client = OpcUaClient.create(config);
            await(client.connect(), timeout, what);
            return client;
        }
        catch (UaException | java.io.IOException ex) {
            throw new DeviceCallException(FailureKind.DEVICE_ERROR, what + ": " + ex.getMessage());
        }
    }

    /** The result of an OPC UA call within the timeout, or the failure it stands for. */
    static <T> T await(CompletableFuture<T> call, Duration timeout, String what) throws DeviceCallException {
        try {
            return call.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            call.cancel(true);
            throw new DeviceCallException(FailureKind.TIMEOUT, what + ": no answer within " + timeout.toMillis() + " ms");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeviceCallException(FailureKind.INTERNAL, what + " was interrupted");
        }
        catch (ExecutionException ex) {
            throw failure(ex.getCause(), what);
        }
    }

    static DeviceCallException failure(Throwable cause, String what) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new DeviceCallException(FailureKind.UNREACHABLE, what + ": connection refused or no route");
            }
            if (t instanceof UaException ua) {
                long code = ua.getStatusCode().getValue();
                FailureKind kind = (code == StatusCodes.Bad_Timeout || code == StatusCodes.Bad_RequestTimeout)
                        ? FailureKind.TIMEOUT
                        : (code == StatusCodes.Bad_ConnectionRejected || code == StatusCodes.Bad_ConnectionClosed
                                || code == StatusCodes.Bad_CommunicationError || code == StatusCodes.Bad_ServerNotConnected)
                                ? FailureKind.UNREACHABLE : FailureKind.DEVICE_ERROR;
                return new DeviceCallException(kind, what + ": " + name(ua.getStatusCode()));
            }
        }
        return new DeviceCallException(FailureKind.UNREACHABLE, what + ": " + cause);
    }

    static String name(StatusCode code) {
        return StatusCodes.lookup(code.getValue()).map((names) -> names[0]).orElse(code.toString());
    }
}
