package io.edgecoord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.edgecoord.support.TestKeys;

/**
 * The coordinator serving HTTPS through a Spring Boot SSL bundle, set up as docs/operations.md
 * ("TLS") says: a PEM certificate and key, made at test time with the JDK's keytool, named by
 * {@code server.ssl.bundle}. The client trusts exactly that certificate, so the keys it sends
 * travel encrypted to the server it meant; plain HTTP on the same port reaches nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "edgecoord.execution.backend=process", "server.ssl.bundle=edgecoord" })
class TlsTests {

    private static final String ALIAS = "edgecoord";
    private static final char[] PASSWORD = "keytool-store".toCharArray();

    /** The server's self-signed certificate, made before the context starts. */
    private static Certificate certificate;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void selfSignedBundle(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory(Path.of("/tmp"), "ectls");
        Path pem = Files.createTempDirectory(Path.of("/tmp"), "ectlspem");
        KeyStore store = selfSigned(pem.resolve("server.p12"));
        certificate = store.getCertificate(ALIAS);
        Path certificateFile = writePem(pem.resolve("cert.pem"), "CERTIFICATE", certificate.getEncoded());
        Path keyFile = writePem(pem.resolve("key.pem"), "PRIVATE KEY",
                ((PrivateKey) store.getKey(ALIAS, PASSWORD)).getEncoded());
        registry.add("edgecoord.data-dir", data::toString);
        registry.add("spring.ssl.bundle.pem.edgecoord.keystore.certificate", () -> "file:" + certificateFile);
        registry.add("spring.ssl.bundle.pem.edgecoord.keystore.private-key", () -> "file:" + keyFile);
    }

    @Test
    void anAdminKeyOverHttpsIsAnswered200() throws Exception {
        HttpResponse<String> response = trustingTheCertificate().send(tasks("https", TestKeys.ADMIN),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.sslSession()).hasValueSatisfying(session -> {
            assertThat(session.getProtocol()).startsWith("TLSv1.");
            assertThat(peerCertificate(session)).isEqualTo(certificate);
        });
    }

    @Test
    void noKeyOverHttpsIsAnswered401() throws Exception {
        HttpResponse<String> response = trustingTheCertificate().send(tasks("https", null),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void plainHttpToTheSamePortReachesNothing() throws Exception {
        // Tomcat answers a request that is not a TLS handshake with its own 400 and closes.
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(tasks("http", TestKeys.ADMIN), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("requires TLS").doesNotContain("\"content\"", "[");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateRefusesTheServer() {
        HttpClient jdkDefaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> jdkDefaults.send(tasks("https", TestKeys.ADMIN), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private HttpRequest tasks(String scheme, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + port + "/api/v1/tasks"))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    /** A client whose only trusted certificate is the server's. */
    private static HttpClient trustingTheCertificate() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static Certificate peerCertificate(SSLSession session) {
        try {
            return session.getPeerCertificates()[0];
        }
        catch (SSLPeerUnverifiedException ex) {
            throw new AssertionError(ex);
        }
    }

    /** A key pair and a self-signed certificate for localhost, by the JDK's own keytool. */
    private static KeyStore selfSigned(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keytool exited " + process.exitValue() + ": " + output);
        }
        return KeyStore.getInstance(keystore.toFile(), PASSWORD);
    }

    private static Path writePem(Path file, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
    }
}
