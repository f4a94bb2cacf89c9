package io.edgecoord.mqtt;

import java.time.Clock;

import javax.net.ssl.SSLSocketFactory;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import io.moquette.broker.ISslContextCreator;

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

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "edgecoord.mqtt.mode", havingValue = "embedded", matchIfMissing = true)
    static class Embedded {

        @Bean
        ClientMessages mqttClientMessages() {
            return new ClientMessages();
        }

        @Bean
        EmbeddedBroker embeddedBroker(MqttProperties properties, KeyVerifier keys, BrokerMetrics metrics,
                ConfigurableEnvironment environment, ClientMessages messages, SslBundles bundles) {
            ISslContextCreator tls = properties.tls().enabled() ? new BundleSslContext(bundles.getBundle(properties.tls().bundle()))
                    : null;
            return new EmbeddedBroker(properties, keys, metrics, environment, messages, tls);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "edgecoord.mqtt.mode", havingValue = "external")
    static class External {

        @Bean
        ExternalBroker externalBroker(MqttProperties properties, BrokerMetrics metrics, SslBundles bundles, Clock clock) {
            String bundle = properties.external().sslBundle();
            SSLSocketFactory tls = (bundle == null || bundle.isBlank()) ? null
                    : bundles.getBundle(bundle).createSslContext().getSocketFactory();
            return new ExternalBroker(properties, tls, metrics, clock, duration -> Thread.sleep(duration));
        }

        @Bean
        MqttHealthIndicator mqttHealthIndicator(ExternalBroker broker) {
            return new MqttHealthIndicator(broker);
        }
    }
}
