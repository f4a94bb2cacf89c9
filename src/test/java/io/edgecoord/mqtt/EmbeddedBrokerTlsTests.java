package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.edgecoord.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded broker's TLS listener from a Spring SSL bundle, with a certificate the test makes:
 * Paho over {@code ssl://} and {@code mosquitto_pub --cafile} log in with a key and exchange messages.
 */
@SpringBootTest
@TestPropertySource(properties = { "edgecoord.mqtt.tls.bundle=mqtt-test", "edgecoord.mqtt.tls.port=0",
        "spring.datasource.url=jdbc:h2:mem:mqtt-tls;DB_CLOSE_DELAY=-1" })
class EmbeddedBrokerTlsTests {

    static X509Certificate certificate;
    static Path certificateFile;

    @DynamicPropertySource
    static void bundle(DynamicPropertyRegistry registry) throws Exception {
        KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        certificate = new SelfSignedCertificateBuilder(pair).setCommonName("127.0.0.1").setApplicationUri("urn:edgecoord:mqtt")
                .addIpAddress("127.0.0.1").addDnsName("localhost").build();
        Path dir = Files.createTempDirectory("mqtt-tls");
        certificateFile = dir.resolve("broker.crt");
        Path key = dir.resolve("broker.key");
        Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        registry.add("spring.ssl.bundle.pem.mqtt-test.keystore.certificate", () -> "file:" + certificateFile);
        registry.add("spring.ssl.bundle.pem.mqtt-test.keystore.private-key", () -> "file:" + key);
    }

    @Value("${local.mqtt.tls-port}")
    int tlsPort;

    @Test
    void pahoAndMosquittoPubLogInWithAKeyOverTls() throws Exception {
        MqttClient subscriber = tlsClient();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        subscriber.subscribe("secure/#", 1, (topic, message) -> received.add(topic + "=" + message));
        subscriber.publish("secure/paho", "over tls".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("secure/paho=over tls");

        List<String> command = new ArrayList<>(List.of("mosquitto_pub"));
        command.addAll(MosquittoClients.connection(tlsPort, TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET));
        command.addAll(List.of("--cafile", certificateFile.toString(), "-t", "secure/mosquitto", "-m", "hello", "-q", "1"));
        MosquittoClients.Run run = MosquittoClients.run(command);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("secure/mosquitto=hello");
        subscriber.disconnect();
        subscriber.close();
    }

    private MqttClient tlsClient() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("broker", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(TestKeys.ADMIN_ID);
        options.setPassword(TestKeys.ADMIN_SECRET.toCharArray());
        options.setSocketFactory(context.getSocketFactory());
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + tlsPort, MqttClient.generateClientId(), new MemoryPersistence());
        client.setTimeToWait(10_000);
        client.connect(options);
        return client;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
