package io.edgecoord.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.edgecoord.support.TestKeys;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code edgecoord.mqtt.tls.client-certificates=required}: a TLS client without a certificate is
 * refused in the handshake, even with a good key; one with a certificate of a key logs in. With
 * {@code max-connections=1}, the TLS front also holds no more than one client, even one that sent
 * no CONNECT yet.
 */
@SpringBootTest
@TestPropertySource(properties = { "edgecoord.mqtt.tls.bundle=mqtt-required", "edgecoord.mqtt.tls.port=0",
        "edgecoord.mqtt.tls.client-certificates=required", "edgecoord.mqtt.max-connections=1",
        "spring.datasource.url=jdbc:h2:mem:mqtt-required;DB_CLOSE_DELAY=-1" })
class EmbeddedBrokerRequiredCertificateTests {

    static TestCertificates.Issued authority;
    static TestCertificates.PemFiles authorityFiles;

    @DynamicPropertySource
    static void bundle(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("mqtt-required");
        authority = TestCertificates.authority("edgecoord required CA");
        authorityFiles = authority.written(dir, "ca");
        TestCertificates.PemFiles server = TestCertificates.server(authority).written(dir, "broker");
        registry.add("spring.ssl.bundle.pem.mqtt-required.keystore.certificate", () -> "file:" + server.certificate());
        registry.add("spring.ssl.bundle.pem.mqtt-required.keystore.private-key", () -> "file:" + server.key());
        registry.add("spring.ssl.bundle.pem.mqtt-required.truststore.certificate",
                () -> "file:" + authorityFiles.certificate());
    }

    @Value("${local.mqtt.tls-port}")
    int tlsPort;

    @Autowired
    MeterRegistry meters;

    @Test
    void aClientWithoutACertificateIsRefusedEvenWithAGoodKey() throws Exception {
        MqttConnectOptions options = options(null);
        options.setUserName(TestKeys.ADMIN_ID);
        options.setPassword(TestKeys.ADMIN_SECRET.toCharArray());
        assertThatThrownBy(() -> TestMqtt.connect(client(), options)).isInstanceOf(MqttException.class);

        List<String> pub = new ArrayList<>(List.of("mosquitto_pub"));
        pub.addAll(MosquittoClients.connection(tlsPort, TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET));
        pub.addAll(List.of("--cafile", authorityFiles.certificate().toString(), "-t", "required/no", "-m", "no"));
        MosquittoClients.Run refused = MosquittoClients.run(pub);
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(meters.get("edgecoord.mqtt.refused").tag("reason", "tls").counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aClientWithTheCertificateOfAKeyLogsIn() throws Exception {
        MqttClient client = TestMqtt.connect(client(), options(TestCertificates.client(authority, TestKeys.ADMIN_ID)));
        try {
            client.publish("required/yes", "in".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
        }
        finally {
            TestMqtt.close(client);
        }
    }

    @Test
    void theFrontHoldsAtMostMaxConnectionsClientsEvenBeforeTheirConnect() throws Exception {
        TestCertificates.Issued certificate = TestCertificates.client(authority, TestKeys.ADMIN_ID);
        var earlier = meters.find("edgecoord.mqtt.refused").tag("reason", "connections").counter();
        double before = (earlier != null) ? earlier.count() : 0;
        try (SSLSocket idle = (SSLSocket) TestCertificates.clientContext(authority, certificate).getSocketFactory()
                .createSocket("127.0.0.1", tlsPort)) {
            // The front counted it when it accepted the connection, before the handshake.
            idle.startHandshake();

            assertThatThrownBy(() -> TestMqtt.connect(client(), options(certificate))).isInstanceOf(MqttException.class);
            assertThat(meters.get("edgecoord.mqtt.refused").tag("reason", "connections").counter().count())
                    .isEqualTo(before + 1);
        }
        await().atMost(10, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            TestMqtt.close(TestMqtt.connect(client(), options(certificate)));
            return true;
        });
    }

    private MqttConnectOptions options(TestCertificates.Issued certificate) throws Exception {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        options.setSocketFactory(TestCertificates.clientContext(authority, certificate).getSocketFactory());
        return options;
    }

    private MqttClient client() throws MqttException {
        return new MqttClient("ssl://127.0.0.1:" + tlsPort, MqttClient.generateClientId(), new MemoryPersistence());
    }
}
