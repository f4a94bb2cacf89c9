package io.edgecoord.mqtt;

import java.util.Set;
import java.util.function.Predicate;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateLoginTests {

    private static final Predicate<String> USABLE = Set.of("EKGOOD")::contains;

    @Test
    void aCertificateWhoseCnIsAUsableKeyLogsThatKeyInWithoutAUserNameOrWithTheSame() {
        assertThat(CertificateLogin.decide("EKGOOD", null, USABLE)).isEqualTo(new CertificateLogin.AsKey("EKGOOD"));
        assertThat(CertificateLogin.decide("EKGOOD", "EKGOOD", USABLE)).isEqualTo(new CertificateLogin.AsKey("EKGOOD"));
    }

    @Test
    void aCnThatIsNoUsableKeyIsRefusedAsAWrongSecretIs() {
        assertThat(CertificateLogin.decide("EKREVOKED", null, USABLE)).isEqualTo(new CertificateLogin.Refused("EKREVOKED"));
        assertThat(CertificateLogin.decide("EKREVOKED", "EKREVOKED", USABLE))
                .isEqualTo(new CertificateLogin.Refused("EKREVOKED"));
        assertThat(CertificateLogin.decide("", null, USABLE)).isEqualTo(new CertificateLogin.Refused(""));
    }

    @Test
    void withoutACertificateOrWithAnotherKeysUserNameTheConnectGoesAsItCame() {
        assertThat(CertificateLogin.decide(null, "EKGOOD", USABLE)).isEqualTo(new CertificateLogin.Unchanged());
        assertThat(CertificateLogin.decide(null, null, USABLE)).isEqualTo(new CertificateLogin.Unchanged());
        assertThat(CertificateLogin.decide("EKREVOKED", "EKGOOD", USABLE)).isEqualTo(new CertificateLogin.Unchanged());
    }

    @Test
    void theCommonNameIsTheSubjectsOnlyCn() {
        assertThat(CertificateLogin.commonName(new X500Principal("CN=EKGOOD, O=Plant, C=DE"))).isEqualTo("EKGOOD");
        assertThat(CertificateLogin.commonName(new X500Principal("O=Plant, C=DE"))).isEmpty();
        assertThat(CertificateLogin.commonName(new X500Principal("CN=EKA, CN=EKB"))).isEmpty();
        assertThat(CertificateLogin.commonName(new X500Principal("CN=a\\,b"))).isEqualTo("a,b");
    }
}
