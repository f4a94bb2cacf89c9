package io.edgecoord.mqtt;

import java.nio.file.Path;
import java.time.Clock;

import javax.net.ssl.SSLSocketFactory;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import io.edgecoord.security.KeyVerifier;

/**
 * Wires the MQTT module, unless {@code edgecoord.mqtt.enabled=false}: the embedded broker, or in
 * {@code external} mode a client of the site's broker in its place.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MqttProperties.class)
@ConditionalOnProperty(name = "edgecoord.mqtt.enabled", matchIfMissing = true)
class MqttConfiguration {

    @Bean
    BrokerMetrics mqttBrokerMetrics(MeterRegistry registry) {
        return new BrokerMetrics(registry);
    }

    /** A client's TLS socket factory from the named SSL bundle, or none when no bundle is named. */
    static SSLSocketFactory socketFactory(SslBundles bundles, String bundle) {
        return (bundle == null || bundle.isBlank()) ? null : bundles.getBundle(bundle).createSslContext().getSocketFactory();
    }

    @Configuration(proxyBeanMethods = false)
    // Found by the component scan on their own, so the outer condition does not hold them back.
    @ConditionalOnBooleanProperty(name = "edgecoord.mqtt.enabled", matchIfMissing = true)
    @ConditionalOnProperty(name = "edgecoord.mqtt.mode", havingValue = "embedded", matchIfMissing = true)
    static class Embedded {

        @Bean
        ClientMessages mqttClientMessages(MqttProperties properties, KeyVerifier keys) {
            TopicAccess anonymous = new TopicAccess(false, properties.anonymousPublish(), properties.anonymousSubscribe());
            return new ClientMessages((user, topic) -> ((user == null) ? anonymous
                    : keys.current(user).map(TopicAccess::of).orElse(TopicAccess.NONE)).mayPublish(topic));
        }

        @Bean
        EmbeddedBroker embeddedBroker(MqttProperties properties, KeyVerifier keys, BrokerMetrics metrics,
                ConfigurableEnvironment environment, ClientMessages messages, SslBundles bundles, Clock clock) {
            Tickets tickets = new Tickets(clock, TlsFront.CONNECT_WITHIN);
            MqttProperties.Tls settings = properties.tls();
            TlsFront tls = !settings.enabled() ? null : new TlsFront(new BundleSslContext(settings.bundle(),
                    bundles.getBundle(settings.bundle()), settings.clientCertificates()).serverContext(), tickets, keys,
                    metrics, properties);
            return new EmbeddedBroker(properties, keys, metrics, environment, messages, tls, tickets, clock);
        }

        @Bean
        EmbeddedBrokerHealth mqttHealthIndicator(EmbeddedBroker broker) {
            return new EmbeddedBrokerHealth(broker);
        }

        @Bean
        @ConditionalOnProperty(name = "edgecoord.mqtt.bridge.enabled")
        Bridge mqttBridge(MqttProperties properties, EmbeddedBroker broker, ClientMessages messages, SslBundles bundles,
                MeterRegistry registry, Clock clock, @Value("${edgecoord.data-dir:./data}") Path dataDirectory) {
            MqttProperties.Bridge bridge = properties.bridge();
            Path directory = (bridge.spoolDirectory() == null || bridge.spoolDirectory().isBlank())
                    ? dataDirectory.resolve("mqtt-bridge-spool") : Path.of(bridge.spoolDirectory());
            Spool spool = new Spool(directory, bridge.spoolMaxMessages(), bridge.spoolMaxBytes());
            return new Bridge(bridge, broker, messages, spool, socketFactory(bundles, bridge.sslBundle()), registry, clock,
                    duration -> Thread.sleep(duration));
        }

        @Bean
        @ConditionalOnProperty(name = "edgecoord.mqtt.bridge.enabled")
        BridgeHealthIndicator mqttBridgeHealthIndicator(Bridge bridge) {
            return new BridgeHealthIndicator(bridge);
        }
    }

    @Configuration(proxyBeanMethods = false)
    // Found by the component scan on their own, so the outer condition does not hold them back.
    @ConditionalOnBooleanProperty(name = "edgecoord.mqtt.enabled", matchIfMissing = true)
    @ConditionalOnProperty(name = "edgecoord.mqtt.mode", havingValue = "external")
    static class External {

        @Bean
        ExternalBroker externalBroker(MqttProperties properties, BrokerMetrics metrics, SslBundles bundles, Clock clock) {
            SSLSocketFactory tls = socketFactory(bundles, properties.external().sslBundle());
            return new ExternalBroker(properties, tls, metrics, clock, duration -> Thread.sleep(duration));
        }

        @Bean
        MqttHealthIndicator mqttHealthIndicator(ExternalBroker broker) {
            return new MqttHealthIndicator(broker);
        }
    }
}
