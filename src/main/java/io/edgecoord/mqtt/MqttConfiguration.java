package io.edgecoord.mqtt;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import io.edgecoord.security.KeyVerifier;

/** Wires the embedded broker, unless {@code edgecoord.mqtt.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MqttProperties.class)
@ConditionalOnProperty(name = "edgecoord.mqtt.enabled", matchIfMissing = true)
class MqttConfiguration {

    @Bean
    BrokerMetrics mqttBrokerMetrics(MeterRegistry registry) {
        return new BrokerMetrics(registry);
    }

    @Bean
    ClientMessages mqttClientMessages(MqttProperties properties, KeyVerifier keys) {
        TopicAccess anonymous = new TopicAccess(false, properties.anonymousPublish(), properties.anonymousSubscribe());
        return new ClientMessages((user, topic) -> ((user == null) ? anonymous
                : keys.current(user).map(TopicAccess::of).orElse(TopicAccess.NONE)).mayPublish(topic));
    }

    @Bean
    EmbeddedBroker embeddedBroker(MqttProperties properties, KeyVerifier keys, BrokerMetrics metrics,
            ConfigurableEnvironment environment, ClientMessages messages) {
        return new EmbeddedBroker(properties, keys, metrics, environment, messages);
    }
}
