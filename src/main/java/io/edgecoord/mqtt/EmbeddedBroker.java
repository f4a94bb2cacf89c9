package io.edgecoord.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.Server;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.moquette.broker.config.MemoryConfig;

import io.edgecoord.web.CoordinatorPorts;
import io.edgecoord.security.KeyVerifier;

/**
 * The coordinator's MQTT 3.1.1 broker (Moquette): QoS 0 and 1, retained messages, last will;
 * sessions are kept in memory only, so a restart forgets them and their queued messages, and what
 * they queue is bounded ({@link BrokerSessions}). It starts
 * with the application and stops with it; its port is one of the coordinator's own, which no
 * device may be pointed at.
 */
class EmbeddedBroker implements SmartLifecycle, CoordinatorPorts, MqttPublisher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** The client id the coordinator's own messages carry. */
    static final String CLIENT_ID = "edgecoord";

    /** Moquette never terminates TLS here (no ssl_port): the {@link TlsFront} does. */
    private static final ISslContextCreator NO_TLS = () -> null;

    private final MqttProperties properties;
    private final KeyVerifier keys;
    private final BrokerMetrics metrics;
    private final ConfigurableEnvironment environment;
    private final ClientMessages messages;
    private final TlsFront tls;
    private final Tickets tickets;
    private final BrokerSessions queues;
    private volatile Server server;
    private volatile int port;
    private volatile int tlsPort;

    EmbeddedBroker(MqttProperties properties, KeyVerifier keys, BrokerMetrics metrics,
            ConfigurableEnvironment environment, ClientMessages messages, TlsFront tls, Tickets tickets, Clock clock) {
        this.queues = new BrokerSessions(properties, metrics, clock);
        this.messages = messages;
        this.tls = tls;
        this.tickets = tickets;
        this.properties = properties;
        this.keys = keys;
        this.metrics = metrics;
        this.environment = environment;
    }

    @Override
    public synchronized void start() {
        Server started = new Server();
        KeyAuthenticator authenticator = new KeyAuthenticator(keys, this::connected, properties.maxConnections(),
                metrics, tickets);
        TopicAuthorizer authorizer = new TopicAuthorizer(keys,
                new TopicAccess(false, properties.anonymousPublish(), properties.anonymousSubscribe()), metrics,
                this::disconnectLater, queues::bound);
        int chosen;
        try {
            chosen = (properties.port() != 0) ? properties.port() : freePort();
            started.startServer(new MemoryConfig(settings(chosen)), List.of(metrics, messages, queues), NO_TLS,
                    authenticator, authorizer);
            queues.install(started);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The MQTT broker could not listen on " + properties.host() + ":"
                    + properties.port() + ": " + ex.getMessage(), ex);
        }
        try {
            // Our own TLS front, not Moquette's ssl_port: only it sees the client's certificate.
            tlsPort = (tls != null) ? tls.start(chosen) : 0;
        }
        catch (RuntimeException ex) {
            started.stopServer();
            throw ex;
        }
        this.server = started;
        this.port = chosen;
        // As local.server.port tells the HTTP port, for tests and tools in the same process.
        environment.getPropertySources().addFirst(new MapPropertySource("edgecoord.mqtt.local",
                Map.of("local.mqtt.port", chosen, "local.mqtt.tls-port", tlsPort)));
        metrics.clients(this::connected);
        log.info("MQTT broker listening on {}:{}{} (anonymous clients {})", properties.host(), port,
                (tlsPort != 0) ? ", TLS on " + tlsPort + " (bundle " + properties.tls().bundle() + ")" : "",
                properties.allowAnonymous() ? "allowed" : "refused");
    }

    /** Moquette's settings: ours, and its own extras (telemetry, error reporting, web sockets) off. */
    private Properties settings(int port) {
        Properties settings = new Properties();
        settings.setProperty("host", properties.host());
        settings.setProperty("port", Integer.toString(port));
        settings.setProperty("websocket_port", "disabled");
        settings.setProperty("allow_anonymous", Boolean.toString(properties.allowAnonymous()));
        settings.setProperty("allow_zero_byte_client_id", "true");
        settings.setProperty("reauthorize_subscriptions_on_connect", "true");
        settings.setProperty("persistence_enabled", "false");
        settings.setProperty("netty.mqtt.message_size", Integer.toString(properties.maxMessageBytes()));
        settings.setProperty("session_queue_size", Integer.toString(properties.sessionQueueSize()));
        // Moquette checks every second; in whole seconds ("s" is its unit), at least one.
        settings.setProperty("persistent_client_expiration", Math.max(1, properties.sessionExpiry().toSeconds()) + "s");
        settings.setProperty("immediate_buffer_flush", "true");
        settings.setProperty("telemetry_enabled", "false");
        settings.setProperty("use_bugsnag", "false");
        settings.setProperty("use_metrics", "false");
        return settings;
    }

    /** A port free now on the broker's address; Moquette cannot tell the port it bound for 0. */
    private int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(properties.host()))) {
            return probe.getLocalPort();
        }
    }

    @Override
    public synchronized void stop() {
        Server running = this.server;
        this.server = null;
        if (tls != null) {
            tls.stop();
        }
        if (running != null) {
            running.stopServer();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port listened on; known once started. */
    int port() {
        return port;
    }

    @Override
    public Set<Integer> ports() {
        if (server == null) {
            return Set.of();
        }
        return (tlsPort != 0) ? Set.of(port, tlsPort) : Set.of(port);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        publish(topic, payload, qos, retain, CLIENT_ID);
    }

    /** Publishes as {@code clientId}: the bridge's messages from upstream carry its own. */
    void publish(String topic, byte[] payload, int qos, boolean retain, String clientId) {
        TopicNames.check(topic, payload, qos, properties.maxMessageBytes());
        Server running = this.server;
        if (running == null) {
            throw new BrokerUnavailableException("The MQTT broker is not running.", null);
        }
        // Moquette 0.17 keeps no retained message published at QoS 0 (it only clears the one before), so
        // a retained message of the coordinator's (a task's, the bridge's) goes in at QoS 1: subscribers
        // get it at the QoS they asked for, at most 1, and later ones get it too.
        int handed = (retain && payload.length > 0) ? Math.max(qos, 1) : qos;
        running.internalPublish(MqttMessageBuilders.publish().topicName(topic).retained(retain)
                .qos(MqttQoS.valueOf(handed)).payload(Unpooled.wrappedBuffer(payload)).build(), clientId);
        metrics.retain(topic, retain, handed, payload.length);
        messages.internallyPublished(new MqttReceived(topic, payload, clientId, null, qos, retain));
        if (CLIENT_ID.equals(clientId)) {
            metrics.published();
        }
    }

    /** Closes a client's connection from outside the broker's thread that is deciding about it. */
    private void disconnectLater(String clientId) {
        Thread.ofVirtual().name("mqtt-disconnect").start(() -> {
            Server running = this.server;
            if (running != null) {
                running.disconnectClient(clientId);
            }
        });
    }

    int connected() {
        Server running = this.server;
        return (running != null) ? running.listConnectedClients().size() : 0;
    }
}
