package io.edgecoord.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure somebody can manage the coordinator at its first start: with
 * {@code edgecoord.security.admin-key} ({@code EDGECOORD_ADMIN_KEY}) that key; else, when no admin
 * key exists, the one in {@code <data-dir>/admin.key}, or a new one written there with mode 0600.
 * Logs the file's path, never a secret.
 */
class AdminKeyBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeys keys;
    private final String seeded;
    private final Path file;

    AdminKeyBootstrap(ApiKeys keys, String seeded, Path dataDir) {
        this.keys = keys;
        this.seeded = seeded;
        this.file = dataDir.resolve("admin.key").toAbsolutePath().normalize();
    }

    void run() {
        if (!seeded.isBlank()) {
            KeyToken token = KeyToken.parse(seeded.trim()).orElseThrow(() -> new IllegalStateException(
                    "edgecoord.security.admin-key (EDGECOORD_ADMIN_KEY) must be <id>.<secret>: an id of 8 to 32 "
                            + "letters and digits, a dot, and a secret of at least " + KeyToken.MIN_SECRET_LENGTH
                            + " characters (base64)"));
            if (keys.ensureAdmin(token, "admin (from edgecoord.security.admin-key)")) {
                log.info("Admin key {} set from edgecoord.security.admin-key", token.id());
            }
            return;
        }
        if (keys.hasAdmin()) {
            return;
        }
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                KeyToken token = KeyToken.parse(text).orElseThrow(() -> new IllegalStateException(
                        file + " does not hold a key (<id>.<secret>); remove it to have a new one made"));
                keys.ensureAdmin(token, "admin (from admin.key)");
                log.info("No admin key was stored; made one from {}", file);
                return;
            }
            KeyToken token = KeyToken.generate();
            PrivateFiles.write(file, token.text() + "\n");
            keys.ensureAdmin(token, "admin (generated at first start)");
            log.info("Created admin key {}; its token is in {} (mode 0600). Use it as "
                    + "'Authorization: Bearer <token>', create narrower keys with POST /api/v1/keys.", token.id(), file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the admin key to " + file, ex);
        }
    }
}
