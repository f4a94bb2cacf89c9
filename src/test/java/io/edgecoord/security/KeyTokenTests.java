package io.edgecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyTokenTests {

    @Test
    void aGeneratedKeyHasAnAwsLikeIdAnd32RandomBytesOfSecret() {
        KeyToken token = KeyToken.generate();
        assertThat(token.id()).matches("EK[A-Z2-7]{18}");
        assertThat(token.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(KeyToken.parse(token.text())).contains(token);
        assertThat(KeyToken.generate()).isNotEqualTo(token);
    }

    @Test
    void tokensWithoutADotOrWithAShortSecretAreNotKeys() {
        assertThat(KeyToken.parse("EKABCDEFGH")).isEmpty();
        assertThat(KeyToken.parse("EKABCDEFGH.short")).isEmpty();
        assertThat(KeyToken.parse("bad id!.abcdefghijklmnopqrstuvwxyz0123456789")).isEmpty();
    }

    @Test
    void theStoredHashIsSha256AndTheSecretNeverPrints() {
        assertThat(KeyToken.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        KeyToken token = KeyToken.generate();
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void aSealedSecretOpensOnlyUnderItsKey() {
        SecretCipher cipher = new SecretCipher(new byte[32]);
        String sealed = cipher.seal("hunter2");
        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
        assertThat(cipher.seal("hunter2")).isNotEqualTo(sealed);
        assertThat(cipher.open(sealed)).isEqualTo("hunter2");
        byte[] other = new byte[32];
        other[0] = 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretCipher(other).open(sealed))
            .isInstanceOf(SecretCipher.SecretUnreadableException.class);
    }
}
