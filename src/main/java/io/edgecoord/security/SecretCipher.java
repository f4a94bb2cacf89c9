package io.edgecoord.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (secret task variables, the keys' SigV4 secrets) with AES-256-GCM under
 * the coordinator's secret key. A sealed value is {@code v1:} and the base64 of a random 12-byte
 * nonce followed by the ciphertext and its tag, so it can be stored in a text column. Thread-safe.
 */
public final class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** A cipher with a 32-byte key. */
    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The secret key must be 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The text sealed: only this coordinator's key can open it. */
    public String seal(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    /** The text a {@link #seal} made; fails when it was sealed under another key or changed since. */
    public String open(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new SecretUnreadableException("not a sealed value");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        }
        catch (IllegalArgumentException ex) {
            throw new SecretUnreadableException("not base64");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadableException("too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (javax.crypto.AEADBadTagException ex) {
            throw new SecretUnreadableException("sealed under another secret key, or changed");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    /** A sealed value that cannot be opened: the coordinator's secret key changed, or the value was tampered with. */
    public static final class SecretUnreadableException extends RuntimeException {

        SecretUnreadableException(String why) {
            super("A stored secret cannot be opened (" + why + "): was the coordinator's secret key "
                    + "(EDGECOORD_SECRET_KEY or <data-dir>/secret.key) changed?");
        }
    }
}
