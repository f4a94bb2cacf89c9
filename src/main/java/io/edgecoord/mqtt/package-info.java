/**
 * MQTT: the coordinator's MQTT 3.1.1 broker (embedded, on by default, with TLS from an SSL bundle),
 * or in external mode a client of the site's broker in its place; who may connect to the embedded
 * one (API keys: user name = key id, password = secret, or on the TLS port a client certificate
 * whose CN is the key id) and which topics each client may publish to
 * and subscribe to (the key's topic filters; admin keys every topic), the bridge to an upstream
 * broker with its on-disk spool, the bounds and the metrics.
 * <p>
 * Public face: {@link io.edgecoord.mqtt.MqttPublisher} (publish as the coordinator) and its
 * {@link io.edgecoord.mqtt.InvalidTopicException} and {@link io.edgecoord.mqtt.BrokerUnavailableException}, {@link io.edgecoord.mqtt.MqttSubscriptions} (hear
 * what clients publish) and its {@link io.edgecoord.mqtt.MqttReceived}. Knows nothing of tasks, devices or
 * shadows: it carries bytes on topics and checks keys, others give the topics their meaning.
 */
@org.springframework.modulith.ApplicationModule(displayName = "MQTT")
package io.edgecoord.mqtt;
