package io.edgecoord.mqtt;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the MQTT module ({@code edgecoord.mqtt.*}).
 *
 * @param enabled whether the embedded broker runs
 * @param host the address the broker listens on; all of them by default, since devices connect to it
 * @param port its port; {@code 0} picks a free one (tests)
 * @param allowAnonymous whether clients without a user name may connect; off by default
 * @param anonymousPublish the topic filters anonymous clients may publish to, when allowed
 * @param anonymousSubscribe the topic filters anonymous clients may subscribe to, when allowed
 * @param maxConnections most clients connected at once; one more is refused at CONNECT
 * @param maxMessageBytes the largest MQTT packet accepted (a bigger one closes the connection)
 * @param sessionQueueSize the depth of each of Moquette's session event loops' command queues (shared
 *     by the sessions of a loop; not a per-subscriber bound)
 * @param maxQueuedMessages most messages waiting for one subscriber that does not keep up, or for a
 *     persistent session while its client is away; past it the oldest are dropped
 * @param maxQueuedBytes most payload bytes waiting for one subscriber; past it the oldest are dropped
 * @param maxPersistentSessions most persistent sessions kept; past it the one away longest is purged
 * @param sessionExpiry how long Moquette keeps a disconnected client's persistent session (and its
 *     queued messages) before purging it: the only bound it offers on those sessions
 * @param mode {@code embedded} (the broker runs in the coordinator) or {@code external} (the
 *     coordinator is a client of a broker the site runs)
 * @param external where and how to reach the external broker, in {@code external} mode
 * @param tls the embedded broker's TLS listener, on when an SSL bundle is named
 * @param bridge the bridge of the embedded broker to an upstream broker, off by default
 */
@Validated
@ConfigurationProperties("edgecoord.mqtt")
record MqttProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") @NotBlank String host,
        @DefaultValue("1883") @Min(0) @Max(65535) int port,
        @DefaultValue("false") boolean allowAnonymous,
        @DefaultValue List<String> anonymousPublish,
        @DefaultValue List<String> anonymousSubscribe,
        @DefaultValue("1000") @Min(1) int maxConnections,
        @DefaultValue("262144") @Min(1024) @Max(268_435_455) int maxMessageBytes,
        @DefaultValue("1024") @Min(1) int sessionQueueSize,
        @DefaultValue("1000") @Min(1) int maxQueuedMessages,
        @DefaultValue("1048576") @Min(1) long maxQueuedBytes,
        @DefaultValue("100") @Min(1) int maxPersistentSessions,
        @DefaultValue("1d") java.time.Duration sessionExpiry,
        @DefaultValue("embedded") Mode mode,
        @DefaultValue @Valid External external,
        @DefaultValue @Valid Tls tls,
        @DefaultValue @Valid Bridge bridge) {

    /**
     * The bridge: local messages on {@code up} filters go to the upstream broker, upstream messages on
     * {@code down} filters come to the local one.
     *
     * @param enabled whether the bridge runs (embedded mode only)
     * @param url the upstream broker, {@code tcp://} or {@code ssl://}
     * @param username its user name, if any
     * @param password its password
     * @param clientId the bridge's client id upstream
     * @param sslBundle the SSL bundle that checks the upstream's certificate, for {@code ssl://}
     * @param up local topic filters forwarded upstream
     * @param down upstream topic filters brought down
     * @param spoolDirectory where the spool lives; {@code <data-dir>/mqtt-bridge-spool} when empty
     * @param spoolMaxMessages most messages spooled; past it the oldest are dropped
     * @param spoolMaxBytes most bytes spooled; past it the oldest are dropped
     * @param reconnectMin the first wait before connecting again
     * @param reconnectMax the longest wait, reached by doubling
     */
    record Bridge(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("tcp://127.0.0.1:1883") @NotBlank String url,
            String username,
            String password,
            @DefaultValue("edgecoord-bridge") @NotBlank String clientId,
            String sslBundle,
            @DefaultValue List<String> up,
            @DefaultValue List<String> down,
            String spoolDirectory,
            @DefaultValue("100000") @Min(1) int spoolMaxMessages,
            @DefaultValue("104857600") @Min(1024) long spoolMaxBytes,
            @DefaultValue("1s") Duration reconnectMin,
            @DefaultValue("60s") Duration reconnectMax) {
    }

    /**
     * The embedded broker's MQTT-over-TLS listener, beside the plain one.
     *
     * @param bundle the Spring SSL bundle ({@code spring.ssl.bundle.*}) whose key store holds the
     *     broker's certificate and key; no TLS listener without one
     * @param port its port on {@code host}; {@code 0} picks a free one (tests)
     * @param clientCertificates whether clients are asked for a certificate, which the bundle's trust
     *     store must have signed: {@code optional} by default (asked for when the bundle has a trust
     *     store; key login without one keeps working)
     */
    record Tls(String bundle, @DefaultValue("8883") @Min(0) @Max(65535) int port,
            @DefaultValue("optional") ClientCertificates clientCertificates) {

        boolean enabled() {
            return bundle != null && !bundle.isBlank();
        }
    }

    /** Whether the TLS listener asks clients for a certificate. */
    enum ClientCertificates {
        /** Never asked for; key login only. */
        NONE,
        /** Asked for; a client without one logs in with a key. */
        OPTIONAL,
        /** A client without a certificate fails the TLS handshake. */
        REQUIRED
    }

    /** Where the broker is. */
    enum Mode {
        /** Moquette, inside the coordinator. */
        EMBEDDED,
        /** A broker the site runs (mosquitto, EMQX, HiveMQ), reached as a client. */
        EXTERNAL
    }

    /**
     * The external broker.
     *
     * @param url {@code tcp://host:1883} or {@code ssl://host:8883}
     * @param username the user name the coordinator logs in with, if any
     * @param password its password
     * @param clientId the coordinator's client id there
     * @param sslBundle the Spring SSL bundle ({@code spring.ssl.bundle.*}) whose trust store checks the
     *     broker's certificate (and whose key store, if any, is the coordinator's client certificate)
     * @param reconnectMin the first wait before connecting again after a failure
     * @param reconnectMax the longest wait, reached by doubling
     */
    record External(
            @DefaultValue("tcp://127.0.0.1:1883") @NotBlank String url,
            String username,
            String password,
            @DefaultValue("edgecoord") @NotBlank String clientId,
            String sslBundle,
            @DefaultValue("1s") Duration reconnectMin,
            @DefaultValue("60s") Duration reconnectMax) {
    }
}
