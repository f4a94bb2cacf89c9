package io.edgecoord.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key as clients send it, {@code <id>.<secret>}: the id is 20 characters like an AWS access key
 * id, the secret 32 random bytes in base64url (43 characters) like a secret access key.
 *
 * @param id the key id
 * @param secret the secret
 */
record KeyToken(String id, String secret) {

    /** What a key id may look like: seeded ids are free within these bounds. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9]{8,32}");

    /** Seeded secrets must be at least this long; generated ones are 43 characters. */
    static final int MIN_SECRET_LENGTH = 32;

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_\\-+/=]{" + MIN_SECRET_LENGTH + ",256}");
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key: a random id and a secret of 32 random bytes. */
    static KeyToken generate() {
        StringBuilder id = new StringBuilder("EK");
        for (int i = 0; i < 18; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new KeyToken(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The token {@code text} spells, if it has the form of one. */
    static Optional<KeyToken> parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        KeyToken token = new KeyToken(text.substring(0, dot), text.substring(dot + 1));
        return token.wellFormed() ? Optional.of(token) : Optional.empty();
    }

    boolean wellFormed() {
        return ID.matcher(id).matches() && SECRET.matcher(secret).matches();
    }

    /** What clients send: {@code <id>.<secret>}. */
    String text() {
        return id + "." + secret;
    }

    /** The stored form of the secret: the hex SHA-256 of its UTF-8 bytes. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "KeyToken[id=" + id + ", secret=***]";
    }
}
