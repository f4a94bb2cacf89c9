package io.edgecoord.task;

import java.security.SecureRandom;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.edgecoord.security.SecretCipher;

/** A cipher under a random key and the {@link SecretVariables} over it, for slices that record versions. */
@TestConfiguration(proxyBeanMethods = false)
class TestSecrets {

    /** A cipher under a fresh random key. */
    static SecretCipher randomCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretCipher(key);
    }

    @Bean
    SecretCipher secretCipher() {
        return randomCipher();
    }

    @Bean
    SecretVariables secretVariables(SecretCipher secretCipher) {
        return new SecretVariables(secretCipher);
    }
}
