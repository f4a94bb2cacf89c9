package io.edgecoord.device;

import java.security.SecureRandom;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.edgecoord.security.SecretCipher;

/** The security module's cipher under a random key, for device module tests that store passwords. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecretCipher {

    @Bean
    SecretCipher secretCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretCipher(key);
    }
}
