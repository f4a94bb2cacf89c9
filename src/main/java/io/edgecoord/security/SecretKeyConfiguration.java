package io.edgecoord.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The coordinator's secret key: from {@code edgecoord.security.secret-key} when set, else from
 * {@code <data-dir>/secret.key}, which the first start writes with mode 0600. Losing the file
 * makes stored secrets unreadable, so it belongs in the data dir's backup.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

    @Bean
    SecretCipher secretCipher(SecurityProperties properties, @Value("${edgecoord.data-dir:./data}") Path dataDir)
            throws IOException {
        if (!properties.secretKey().isBlank()) {
            return new SecretCipher(decode(properties.secretKey(), "edgecoord.security.secret-key"));
        }
        Path file = dataDir.resolve("secret.key").toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                PrivateFiles.write(file, Base64.getEncoder().encodeToString(key) + "\n");
                log.info("Created the secret key that encrypts secrets at rest: {} (back it up with the data dir)",
                        file);
            }
            catch (FileAlreadyExistsException ex) {
                // Another coordinator on the same data dir made it first: use theirs.
            }
        }
        return new SecretCipher(decode(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString()));
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(where + " is not base64: it must be the base64 of 32 random bytes "
                    + "(openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalStateException(where + " holds " + key.length + " bytes; it must be the base64 of "
                    + "32 random bytes (openssl rand -base64 32)");
        }
        return key;
    }
}
