package io.edgecoord.device.opcua;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgecoord.device.network.AddressGuard;
import io.edgecoord.device.network.NetworkPolicy;
import io.edgecoord.device.network.OwnEndpoints;
import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.registry.OpcUaBinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions against Milo's server: which server certificates are trusted, and which addresses are tried at all. */
class OpcUaSessionsTests {

    static OpcUaTestServer server;

    static final AddressGuard LOOPBACK_ALLOWED = new AddressGuard(NetworkPolicy.of(List.of("127.0.0.0/8"), List.of()),
            () -> OwnEndpoints.NONE);

    @BeforeAll
    static void start() {
        server = OpcUaTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void refusesAServerCertificateNotInTheTrustListAndKeepsItForAnOperatorToReview(@TempDir Path pki) {
        OpcUaSessions sessions = sessions(pki, false, LOOPBACK_ALLOWED);
        assertThatThrownBy(() -> sessions.open(secure(), Duration.ofSeconds(10)))
            .isInstanceOf(DeviceCallException.class)
            .hasMessageContaining("Bad_Security");
        assertThat(pki.resolve("pki/rejected").toFile().list()).isNotEmpty();
    }

    @Test
    void trustsOnFirstUseWhenAllowedAndRemembersTheCertificate(@TempDir Path pki) throws Exception {
        OpcUaClient client = sessions(pki, true, LOOPBACK_ALLOWED).open(secure(), Duration.ofSeconds(10));
        client.disconnect().get();
        try (var trusted = Files.list(pki.resolve("pki/trusted/certs"))) {
            assertThat(trusted.count()).isEqualTo(1);
        }
        assertThat(pki.resolve("client.p12")).exists();
    }

    @Test
    void triesNoAddressTheNetworkPolicyRefuses(@TempDir Path pki) {
        AddressGuard defaults = new AddressGuard(NetworkPolicy.of(List.of(), List.of()), () -> OwnEndpoints.NONE);
        assertThatThrownBy(() -> sessions(pki, true, defaults).open(secure(), Duration.ofSeconds(5)))
            .isInstanceOfSatisfying(DeviceCallException.class, (ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.REFUSED));
    }

    private static OpcUaSessions sessions(Path pki, boolean trustOnFirstUse, AddressGuard guard) {
        return new OpcUaSessions(guard, new OpcUaCertificates(pki, "urn:edgecoord:test-client", trustOnFirstUse),
                "urn:edgecoord:test-client");
    }

    private static OpcUaBinding secure() {
        return new OpcUaBinding(server.url(), "Basic256Sha256", "SignAndEncrypt", null, null, null, null).resolved();
    }
}
