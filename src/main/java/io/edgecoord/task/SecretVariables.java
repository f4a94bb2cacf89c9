package io.edgecoord.task;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.edgecoord.security.SecretCipher;
import io.edgecoord.security.SecretCipher.SecretUnreadableException;

/**
 * Seals secret variables before they are stored and opens them for an environment, with the
 * coordinator's {@link SecretCipher}. Sealing is random per call, so stored values are compared by
 * opening them, never by their ciphertext. Thread-safe.
 */
@Component
class SecretVariables {

    /**
     * The width of the {@code secret_environment_json} column. {@link TaskSettings} bounds the variables
     * to 64 and 4096 bytes of names and values; sealed, each grows by at most 49 characters and its value
     * by a third (base64), so they stay under 8,700 characters.
     */
    static final int MAX_SEALED_LENGTH = 16384;

    private final SecretCipher cipher;

    SecretVariables(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** Each value sealed, by name. */
    Map<String, String> seal(SecretEnvironment secrets) {
        Map<String, String> sealed = new LinkedHashMap<>();
        secrets.values().forEach((name, value) -> sealed.put(name, this.cipher.seal(value)));
        return sealed;
    }

    /**
     * The plain values of a version's secret variables.
     * @throws SecretsUnreadableException when they were sealed under another secret key
     */
    SecretEnvironment open(TaskVersion version) {
        try {
            Map<String, String> plain = new LinkedHashMap<>();
            version.sealedSecrets().forEach((name, sealed) -> plain.put(name, this.cipher.open(sealed)));
            return new SecretEnvironment(plain);
        }
        catch (SecretUnreadableException ex) {
            throw new SecretsUnreadableException(version.task().name(), version.version(), ex);
        }
    }

    /**
     * Whether a version holds exactly these secret values. One it cannot open holds none that can be
     * used, so a redeploy then makes a new version, sealed under the current key.
     */
    boolean sameAs(TaskVersion version, SecretEnvironment secrets) {
        if (!version.sealedSecrets().keySet().equals(secrets.values().keySet())) {
            return false;
        }
        try {
            return open(version).equals(secrets);
        }
        catch (SecretsUnreadableException ex) {
            return false;
        }
    }
}
