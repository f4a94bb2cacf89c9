/**
 * MQTT: the coordinator's MQTT 3.1.1 broker (embedded, on by default), who may connect to it (API
 * keys: user name = key id, password = secret) and which topics each client may publish to and
 * subscribe to (the key's topic filters; admin keys every topic), its bounds and its metrics.
 * <p>
 * Public face: {@link io.edgecoord.mqtt.MqttPublisher} (publish as the coordinator) and its
 * {@link io.edgecoord.mqtt.InvalidTopicException}, {@link io.edgecoord.mqtt.MqttSubscriptions} (hear
 * what clients publish) and its {@link io.edgecoord.mqtt.MqttReceived}. Knows nothing of tasks, devices or
 * shadows: it carries bytes on topics and checks keys, others give the topics their meaning.
 */
@org.springframework.modulith.ApplicationModule(displayName = "MQTT")
package io.edgecoord.mqtt;
