package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;

import javax.security.auth.x500.X500Principal;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
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

    @Test
    void theConnectOfACertificateLoginKeepsAllButItsCredentials() {
        MqttConnectMessage sent = MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_3_1_1).clientId("s1")
                .cleanSession(false).keepAlive(45).willFlag(true).willTopic("devices/s1/status").willQoS(MqttQoS.AT_LEAST_ONCE)
                .willRetain(true).willMessage("offline".getBytes(StandardCharsets.UTF_8)).build();

        MqttConnectMessage relayed = new CertificateLogin.AsKey("EKGOOD").connect(sent, "the-ticket");

        assertThat(relayed.variableHeader().hasUserName()).isTrue();
        assertThat(relayed.variableHeader().hasPassword()).isTrue();
        assertThat(relayed.payload().userName()).isEqualTo("EKGOOD");
        assertThat(relayed.payload().passwordInBytes()).isEqualTo("the-ticket".getBytes(StandardCharsets.UTF_8));
        assertThat(relayed.payload().clientIdentifier()).isEqualTo("s1");
        assertThat(relayed.variableHeader().isCleanSession()).isFalse();
        assertThat(relayed.variableHeader().keepAliveTimeSeconds()).isEqualTo(45);
        assertThat(relayed.variableHeader().version()).isEqualTo(4);
        assertThat(relayed.variableHeader().isWillFlag()).isTrue();
        assertThat(relayed.variableHeader().isWillRetain()).isTrue();
        assertThat(relayed.variableHeader().willQos()).isEqualTo(1);
        assertThat(relayed.payload().willTopic()).isEqualTo("devices/s1/status");
        assertThat(relayed.payload().willMessageInBytes()).isEqualTo("offline".getBytes(StandardCharsets.UTF_8));
    }
}
