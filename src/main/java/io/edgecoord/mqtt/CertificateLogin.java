package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;

/**
 * What the TLS front makes of a client's CONNECT, given the certificate it presented: a trusted
 * certificate whose subject CN is a usable key's id logs that key in, unless the client names
 * another key as its user name (then its password must be that key's secret, as without a
 * certificate).
 */
sealed interface CertificateLogin {

    /** The CONNECT goes to the broker as the client sent it. */
    record Unchanged() implements CertificateLogin {
    }

    /** The CONNECT goes with user name {@code keyId} and a one-time ticket as its password. */
    record AsKey(String keyId) implements CertificateLogin {

        /** {@code connect} with user name {@code keyId} and {@code ticket} as its password, all else kept. */
        MqttConnectMessage connect(MqttConnectMessage connect, String ticket) {
            MqttConnectVariableHeader header = connect.variableHeader();
            MqttConnectPayload payload = connect.payload();
            return new MqttConnectMessage(connect.fixedHeader(),
                    new MqttConnectVariableHeader(header.name(), header.version(), true, true, header.isWillRetain(),
                            header.willQos(), header.isWillFlag(), header.isCleanSession(), header.keepAliveTimeSeconds(),
                            header.properties()),
                    new MqttConnectPayload(payload.clientIdentifier(), payload.willProperties(), payload.willTopic(),
                            payload.willMessageInBytes(), keyId, ticket.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Refused at the front, with CONNACK 4, as a wrong secret is: the CN is no usable key id. */
    record Refused(String commonName) implements CertificateLogin {
    }

    /**
     * Decides for a client whose certificate has subject CN {@code commonName} ({@code null} when
     * it presented none, {@code ""} when its subject has no single CN) and whose CONNECT carries
     * {@code userName}; {@code usable} tells whether a key id is a key in force now.
     */
    static CertificateLogin decide(String commonName, String userName, Predicate<String> usable) {
        if (commonName == null || (userName != null && !userName.equals(commonName))) {
            return new Unchanged();
        }
        return (!commonName.isEmpty() && usable.test(commonName)) ? new AsKey(commonName) : new Refused(commonName);
    }

    /** The subject's one CN, or {@code ""} when it has none or several. */
    static String commonName(X500Principal subject) {
        try {
            List<Rdn> names = new LdapName(subject.getName(X500Principal.RFC2253)).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN")).toList();
            return (names.size() == 1 && names.getFirst().getValue() instanceof String name) ? name : "";
        }
        catch (InvalidNameException ex) {
            // The JDK printed it in RFC 2253 itself, so this means a name it cannot read back: no CN.
            return "";
        }
    }
}
