package io.edgecoord.mqtt;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestKeys;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client certificates as MQTT credentials on the TLS listener (default {@code optional}, the
 * bundle's trust store a CA the test makes): mosquitto's clients and Paho log in with a
 * certificate whose CN is a key id and no user name, within that key's topics; a certificate of
 * another CA fails the handshake, one whose CN is no usable key (unknown, revoked) gets CONNACK 4,
 * and key login over TLS works as before.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "edgecoord.mqtt.tls.bundle=mqtt-certs", "edgecoord.mqtt.tls.port=0",
        "spring.datasource.url=jdbc:h2:mem:mqtt-certs;DB_CLOSE_DELAY=-1" })
class EmbeddedBrokerCertificateTests {

    static Path dir;
    static TestCertificates.Issued authority;
    static TestCertificates.PemFiles authorityFiles;

    @DynamicPropertySource
    static void bundle(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("mqtt-certs");
        authority = TestCertificates.authority("edgecoord test CA");
        authorityFiles = authority.written(dir, "ca");
        TestCertificates.PemFiles server = TestCertificates.server(authority).written(dir, "broker");
        registry.add("spring.ssl.bundle.pem.mqtt-certs.keystore.certificate", () -> "file:" + server.certificate());
        registry.add("spring.ssl.bundle.pem.mqtt-certs.keystore.private-key", () -> "file:" + server.key());
        registry.add("spring.ssl.bundle.pem.mqtt-certs.truststore.certificate", () -> "file:" + authorityFiles.certificate());
    }

    @LocalServerPort
    int httpPort;

    @Value("${local.mqtt.tls-port}")
    int tlsPort;

    @Autowired
    MeterRegistry meters;

    private final List<MqttClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() throws MqttException {
        for (MqttClient client : clients) {
            TestMqtt.close(client);
        }
    }

    @Test
    void mosquittoClientsWithACertificateAndNoUserNamePublishAndSubscribeWithinTheKeysTopics() throws Exception {
        JsonNode key = createKey("""
                {"name": "cert sensor", "scopes": ["read"],
                 "topics": {"publish": ["cert/s1/#"], "subscribe": ["cert/s1/#"]}}""");
        TestCertificates.PemFiles certificate = clientFiles(key.get("id").asString(), "s1");

        MosquittoClients.Run published = MosquittoClients.run(mosquitto("mosquitto_pub", certificate,
                "-t", "cert/s1/state", "-m", "{\"t\":21.5}", "-q", "1", "-r"));
        assertThat(published.exitCode()).as(published.output()).isZero();
        MosquittoClients.Run received = MosquittoClients.run(mosquitto("mosquitto_sub", certificate,
                "-t", "cert/s1/#", "-C", "1", "-W", "10", "-v"));
        assertThat(received.exitCode()).as(received.output()).isZero();
        assertThat(received.output().strip()).isEqualTo("cert/s1/state {\"t\":21.5}");

        MosquittoClients.Run denied = MosquittoClients.run(mosquitto("mosquitto_sub", certificate,
                "-t", "other/#", "-C", "1", "-W", "5"));
        assertThat(denied.output()).containsIgnoringCase("denied");
    }

    @Test
    void pahoWithACertificateLogsInAsTheKeyAndHasItsTopicRightsOnly() throws Exception {
        JsonNode key = createKey("""
                {"name": "cert paho", "scopes": ["read"],
                 "topics": {"publish": ["cert/p1/#"], "subscribe": ["cert/p1/#"]}}""");
        TestCertificates.Issued certificate = TestCertificates.client(authority, key.get("id").asString());
        MqttClient client = paho(TestCertificates.clientContext(authority, certificate), null, null);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();

        assertThat(client.subscribeWithResponse("other/#", 1).getGrantedQos()).containsExactly(128);
        assertThat(client.subscribeWithResponse("cert/p1/#", 1, (topic, message) -> received.add(topic + "=" + message))
                .getGrantedQos()).containsExactly(1);
        client.publish("cert/p1/count", "3".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("cert/p1/count=3");
        assertThat(new CoordinatorClient(httpPort).json(new CoordinatorClient(httpPort).get("/api/v1/keys/"
                + key.get("id").asString())).get("lastUsedAt").isNull()).as("the certificate login is a use of the key").isFalse();
    }

    @Test
    void aCertificateFromAnotherAuthorityFailsTheHandshake() throws Exception {
        TestCertificates.Issued stranger = TestCertificates.authority("another CA");
        TestCertificates.Issued certificate = TestCertificates.client(stranger, TestKeys.ADMIN_ID);
        double before = refused("tls");

        assertThatThrownBy(() -> paho(TestCertificates.clientContext(authority, certificate), null, null))
                .isInstanceOf(MqttException.class).isNotInstanceOf(MqttSecurityException.class);
        MosquittoClients.Run refused = MosquittoClients.run(mosquitto("mosquitto_pub",
                certificate.written(dir, "stranger"), "-t", "cert/x", "-m", "no"));
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused("tls")).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void aTrustedCertificateWhoseCnIsAnUnknownOrRevokedKeyGetsCode4() throws Exception {
        double before = refused("certificate");
        TestCertificates.Issued unknown = TestCertificates.client(authority, "ECNOSUCHKEY000000001");
        assertThatThrownBy(() -> paho(TestCertificates.clientContext(authority, unknown), null, null))
                .isInstanceOfSatisfying(MqttSecurityException.class, ex -> assertThat(ex.getReasonCode()).isEqualTo(4));

        JsonNode key = createKey("""
                {"name": "to revoke", "scopes": ["read"], "topics": {"publish": ["cert/r/#"]}}""");
        String id = key.get("id").asString();
        TestCertificates.PemFiles certificate = clientFiles(id, "revoked");
        MosquittoClients.Run before2 = MosquittoClients.run(mosquitto("mosquitto_pub", certificate, "-t", "cert/r/1", "-m", "ok"));
        assertThat(before2.exitCode()).as(before2.output()).isZero();
        assertThat(new CoordinatorClient(httpPort).delete("/api/v1/keys/" + id).statusCode()).isEqualTo(204);

        MosquittoClients.Run after = MosquittoClients.run(mosquitto("mosquitto_pub", certificate, "-t", "cert/r/2", "-m", "no"));
        assertThat(after.exitCode()).isNotZero();
        assertThat(after.output()).contains("bad user name or password");
        assertThat(refused("certificate")).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void keyLoginOverTlsWorksAsBeforeWithOrWithoutACertificate() throws Exception {
        MqttClient plain = paho(TestCertificates.clientContext(authority, null), TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        plain.subscribe("keys/#", 1, (topic, message) -> received.add(topic + "=" + message));

        TestCertificates.Issued other = TestCertificates.client(authority, "ECNOSUCHKEY000000002");
        MqttClient withCertificate = paho(TestCertificates.clientContext(authority, other), TestKeys.ADMIN_ID,
                TestKeys.ADMIN_SECRET);
        withCertificate.publish("keys/paho", "as admin".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("keys/paho=as admin");

        List<String> pub = new ArrayList<>(List.of("mosquitto_pub"));
        pub.addAll(MosquittoClients.connection(tlsPort, TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET));
        pub.addAll(List.of("--cafile", authorityFiles.certificate().toString(), "-t", "keys/mosquitto", "-m", "hi", "-q", "1"));
        MosquittoClients.Run run = MosquittoClients.run(pub);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("keys/mosquitto=hi");
    }

    @Test
    void whatAClientSendsRightAfterItsConnectReachesTheBrokerToo() throws Exception {
        JsonNode key = createKey("""
                {"name": "pipelined", "scopes": ["read"]}""");
        TestCertificates.Issued certificate = TestCertificates.client(authority, key.get("id").asString());
        SSLContext context = TestCertificates.clientContext(authority, certificate);
        // CONNECT (MQTT 3.1.1, clean session, client id "pipelined") and a PINGREQ in one write, so the
        // PINGREQ is among the bytes the front read with the CONNECT. Moquette answers a PINGREQ at
        // once (and drops a SUBSCRIBE that overtakes its CONNECT, on 1883 too), so CONNACK and
        // PINGRESP may come in either order.
        byte[] both = { 0x10, 21, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 30, 0, 9, 'p', 'i', 'p', 'e', 'l', 'i', 'n', 'e', 'd',
                (byte) 0xC0, 0 };

        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(both);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answers = in.readNBytes(6);
            assertThat(HexFormat.of().formatHex(answers)).isIn("20020000d000", "d00020020000");
        }
    }

    private double refused(String reason) {
        var counter = meters.find("edgecoord.mqtt.refused").tag("reason", reason).counter();
        return (counter != null) ? counter.count() : 0;
    }

    private TestCertificates.PemFiles clientFiles(String commonName, String name) {
        return TestCertificates.client(authority, commonName).written(dir, name);
    }

    private List<String> mosquitto(String tool, TestCertificates.PemFiles certificate, String... arguments) {
        List<String> command = new ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p", Integer.toString(tlsPort), "-V",
                "mqttv311", "--cafile", authorityFiles.certificate().toString(), "--cert", certificate.certificate().toString(),
                "--key", certificate.key().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private MqttClient paho(SSLContext context, String id, String secret) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        options.setSocketFactory(context.getSocketFactory());
        if (id != null) {
            options.setUserName(id);
            options.setPassword(secret.toCharArray());
        }
        MqttClient client = TestMqtt.connect(new MqttClient("ssl://127.0.0.1:" + tlsPort, MqttClient.generateClientId(),
                new MemoryPersistence()), options);
        clients.add(client);
        return client;
    }

    private JsonNode createKey(String body) {
        CoordinatorClient client = new CoordinatorClient(httpPort);
        var response = client.postJson("/api/v1/keys", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.json(response);
    }
}
