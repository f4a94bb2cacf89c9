package io.edgecoord.security.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SigV4 digests: SHA-256 of payloads and canonical requests, and the HMAC-SHA256 chain that
 * turns a secret and a credential scope into a signature. Stateless and thread-safe.
 */
final class SigV4Signatures {

    private static final HexFormat HEX = HexFormat.of();

    private SigV4Signatures() {
    }

    /** The lowercase hex of the SHA-256 of {@code bytes}. */
    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /**
     * The lowercase hex signature of {@code stringToSign} under the signing key of {@code secret}
     * for the scope of {@code authorization}: five HMACs, whatever the secret.
     */
    static String signature(String secret, SigV4Authorization authorization, String stringToSign) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), authorization.date());
        key = hmac(key, authorization.region());
        key = hmac(key, authorization.service());
        key = hmac(key, authorization.terminator());
        return HEX.formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }
}
