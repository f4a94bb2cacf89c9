package io.edgecoord.deployment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Detached bundle signatures, verified with the JDK's own crypto: Ed25519 over the bundle's bytes, or
 * ECDSA P-256 with SHA-256 (a DER signature, as {@code openssl dgst -sha256 -sign} writes it). A
 * signature file may hold the raw signature or its base64.
 */
final class BundleSignatures {

    private BundleSignatures() {
    }

    /** Reads a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo) of an Ed25519 or EC key. */
    static PublicKey publicKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            }
            catch (GeneralSecurityException ex) {
                // Not a key of this algorithm: try the next.
            }
        }
        throw new IllegalArgumentException("edgecoord.deployment.agent.public-key is neither an Ed25519 nor an EC "
                + "public key in PEM.");
    }

    /** Whether {@code signature} is the key's signature of {@code document}. */
    static boolean verify(byte[] document, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "Ed25519");
            verifier.initVerify(key);
            verifier.update(document);
            return verifier.verify(decoded(signature));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return false;
        }
    }

    private static byte[] decoded(byte[] signature) {
        String text = new String(signature, StandardCharsets.ISO_8859_1).strip();
        if (text.matches("[A-Za-z0-9+/=\\s]+")) {
            try {
                return Base64.getMimeDecoder().decode(text);
            }
            catch (IllegalArgumentException ex) {
                return signature;
            }
        }
        return signature;
    }
}
