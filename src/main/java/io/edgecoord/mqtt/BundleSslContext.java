package io.edgecoord.mqtt;

import javax.net.ssl.SSLException;

import io.moquette.broker.ISslContextCreator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import org.springframework.boot.ssl.SslBundle;

/**
 * The embedded broker's TLS server context from a Spring SSL bundle: its key store is the broker's
 * certificate and key, and the bundle's protocols and ciphers, when it names any, are the only ones offered.
 */
class BundleSslContext implements ISslContextCreator {

    private final SslBundle bundle;

    BundleSslContext(SslBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public SslContext initSSLContext() {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(bundle.getManagers().getKeyManagerFactory());
            if (bundle.getOptions().getEnabledProtocols() != null) {
                builder.protocols(bundle.getOptions().getEnabledProtocols());
            }
            if (bundle.getOptions().getCiphers() != null) {
                builder.ciphers(java.util.List.of(bundle.getOptions().getCiphers()));
            }
            return builder.build();
        }
        catch (SSLException ex) {
            throw new IllegalStateException("The MQTT broker's TLS context cannot be made from its SSL bundle: "
                    + ex.getMessage(), ex);
        }
    }
}
