package io.edgecoord.deployment;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleSignaturesTests {

    private static final byte[] BUNDLE = "tasks: []\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void anEcdsaP256SignatureVerifiesRawOrBase64AndNotForOtherBytesOrKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair operator = generator.generateKeyPair();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(operator.getPrivate());
        signer.update(BUNDLE);
        byte[] der = signer.sign();
        var key = BundleSignatures.publicKey(pem(operator));

        assertThat(BundleSignatures.verify(BUNDLE, der, key)).isTrue();
        assertThat(BundleSignatures.verify(BUNDLE, Base64.getEncoder().encode(der), key)).isTrue();
        assertThat(BundleSignatures.verify("tasks: [x]\n".getBytes(StandardCharsets.UTF_8), der, key)).isFalse();
        assertThat(BundleSignatures.verify(BUNDLE, der,
                BundleSignatures.publicKey(pem(generator.generateKeyPair())))).isFalse();
        assertThat(BundleSignatures.verify(BUNDLE, new byte[0], key)).isFalse();
    }

    @Test
    void aKeyThatIsNeitherEd25519NorEcIsRefusedAtOnce() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThatThrownBy(() -> BundleSignatures.publicKey(pem(rsa))).hasMessageContaining("neither an Ed25519");
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
