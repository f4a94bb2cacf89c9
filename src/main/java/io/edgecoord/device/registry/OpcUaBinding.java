package io.edgecoord.device.registry;

import java.net.URI;
import java.net.URISyntaxException;

import io.edgecoord.device.profile.InvalidDefinitionException;

/**
 * A device reached over OPC UA: a server's endpoint, the security policy and mode to use, and
 * anonymous or user/password identity. Devices on one endpoint share its link and its session.
 *
 * @param endpointUrl such as {@code opc.tcp://10.0.0.30:4840/plc}
 * @param securityPolicy {@code None} (default) or {@code Basic256Sha256}
 * @param securityMode {@code None} with policy None; {@code Sign} or {@code SignAndEncrypt} (default) otherwise
 * @param username a user name, or none for anonymous
 * @param password the user's password; never shown by the API
 * @param linkId the link it shares with other devices; default {@code opc.tcp://host:port}
 * @param sampling {@code poll} (default: read every interval) or {@code subscribe} (monitored
 *     items, published at the interval; the interval's ticks only check that the subscription lives)
 */
public record OpcUaBinding(String endpointUrl, String securityPolicy, String securityMode, String username, String password,
        String linkId, String sampling) implements ProtocolBinding {

    /** What the API shows for a password. */
    static final String MASK = "******";

    @Override
    public OpcUaBinding resolved() {
        URI uri;
        try {
            uri = new URI(this.endpointUrl);
        }
        catch (URISyntaxException | NullPointerException ex) {
            throw new InvalidDefinitionException("protocol.endpointUrl must be an opc.tcp:// URL, not '" + this.endpointUrl
                    + "'");
        }
        if (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidDefinitionException("protocol.endpointUrl must be an opc.tcp:// URL with a host");
        }
        String policy = (this.securityPolicy == null) ? "None" : this.securityPolicy;
        if (!policy.equals("None") && !policy.equals("Basic256Sha256")) {
            throw new InvalidDefinitionException("protocol.securityPolicy must be None or Basic256Sha256, not '"
                    + policy + "'");
        }
        String mode = (this.securityMode != null) ? this.securityMode : (policy.equals("None") ? "None" : "SignAndEncrypt");
        boolean fits = policy.equals("None") ? mode.equals("None") : (mode.equals("Sign") || mode.equals("SignAndEncrypt"));
        if (!fits) {
            throw new InvalidDefinitionException("protocol.securityMode " + mode + " does not fit securityPolicy "
                    + policy + " (None goes with None; Basic256Sha256 with Sign or SignAndEncrypt)");
        }
        if ((this.username == null) != (this.password == null)) {
            throw new InvalidDefinitionException("protocol.username and protocol.password go together");
        }
        if (MASK.equals(this.password)) {
            throw new InvalidDefinitionException("protocol.password " + MASK + " is how the API hides the password, "
                    + "not a password; leave protocol.password out of a patch to keep the password");
        }
        String link = (this.linkId == null || this.linkId.isBlank())
                ? "opc.tcp://" + uri.getHost() + ":" + port() : this.linkId;
        String sampled = (this.sampling == null) ? "poll" : this.sampling;
        if (!sampled.equals("poll") && !sampled.equals("subscribe")) {
            throw new InvalidDefinitionException("protocol.sampling must be poll or subscribe, not '" + sampled + "'");
        }
        return new OpcUaBinding(this.endpointUrl, policy, mode, this.username, this.password, link, sampled);
    }

    public String host() {
        return URI.create(this.endpointUrl).getHost();
    }

    public int port() {
        int port = URI.create(this.endpointUrl).getPort();
        return (port != -1) ? port : 4840;
    }

    /** This binding as the API shows it: the password replaced. */
    OpcUaBinding redacted() {
        return new OpcUaBinding(this.endpointUrl, this.securityPolicy, this.securityMode, this.username,
                (this.password != null) ? MASK : null, this.linkId, this.sampling);
    }

    /** Whether the device's values come from a subscription rather than from polls. */
    public boolean subscribes() {
        return "subscribe".equals(this.sampling);
    }

    /**
     * The session's key: one session per endpoint, security and identity. The password is part of
     * it, so a device with a wrong password never rides on another device's session.
     */
    public String sessionKey() {
        return this.endpointUrl + "|" + this.securityPolicy + "|" + this.securityMode + "|" + this.username + "|"
                + this.password;
    }
}
