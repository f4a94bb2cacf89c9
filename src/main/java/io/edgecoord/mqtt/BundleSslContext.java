package io.edgecoord.mqtt;

import java.util.List;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import org.springframework.boot.ssl.SslBundle;

/**
 * The TLS front's server context from a Spring SSL bundle: its key store is the broker's
 * certificate and key, its trust store the CAs whose client certificates are taken (asked for as
 * {@code clientCertificates} says), and the bundle's protocols and ciphers, when it names any, are
 * the only ones offered.
 */
class BundleSslContext {

    private static final Logger log = LoggerFactory.getLogger(BundleSslContext.class);

    private final String name;
    private final SslBundle bundle;
    private final MqttProperties.ClientCertificates clientCertificates;

    BundleSslContext(String name, SslBundle bundle, MqttProperties.ClientCertificates clientCertificates) {
        this.name = name;
        this.bundle = bundle;
        this.clientCertificates = clientCertificates;
    }

    /**
     * Whether clients are asked for a certificate: not without a trust store, since Spring would then
     * trust the JDK's public CAs, and a certificate any public CA signed is no credential here.
     */
    ClientAuth clientAuth() {
        boolean trusts = bundle.getStores().getTrustStore() != null;
        return switch (clientCertificates) {
            case NONE -> ClientAuth.NONE;
            case OPTIONAL -> trusts ? ClientAuth.OPTIONAL : ClientAuth.NONE;
            case REQUIRED -> {
                if (!trusts) {
                    throw new IllegalStateException("edgecoord.mqtt.tls.client-certificates=required needs a trust store "
                            + "(the client certificates' CAs) in SSL bundle " + name + ", which has none");
                }
                yield ClientAuth.REQUIRE;
            }
        };
    }

    SslContext serverContext() {
        try {
            ClientAuth clientAuth = clientAuth();
            // Said once, since optional without a trust store quietly asks for none.
            log.info("The MQTT TLS listener (bundle {}) asks clients for a certificate: {}", name,
                    (clientAuth == ClientAuth.NONE) ? "no" : (clientAuth == ClientAuth.REQUIRE) ? "required" : "optional");
            SslContextBuilder builder = SslContextBuilder.forServer(bundle.getManagers().getKeyManagerFactory())
                    .clientAuth(clientAuth);
            if (clientAuth != ClientAuth.NONE) {
                builder.trustManager(bundle.getManagers().getTrustManagerFactory());
            }
            if (bundle.getOptions().getEnabledProtocols() != null) {
                builder.protocols(bundle.getOptions().getEnabledProtocols());
            }
            if (bundle.getOptions().getCiphers() != null) {
                builder.ciphers(List.of(bundle.getOptions().getCiphers()));
            }
            return builder.build();
        }
        catch (SSLException ex) {
            throw new IllegalStateException("The MQTT broker's TLS context cannot be made from SSL bundle " + name + ": "
                    + ex.getMessage(), ex);
        }
    }
}
