package io.edgecoord.device.registry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.security.SecretCipher;

/**
 * Seals a device's secrets (an OPC UA password) in its stored document with the coordinator's
 * {@link SecretCipher}, and opens them when the document is loaded; the API never shows them
 * ({@link OpcUaBinding#redacted()}). The cipher is looked up on first use, so module tests of
 * devices without secrets need no security module. Thread-safe.
 */
@Component
class DeviceSecrets {

    /** What {@link SecretCipher#seal} makes starts so; a stored password without it was stored before sealing. */
    private static final String SEALED = "v1:";

    private final ObjectProvider<SecretCipher> cipher;

    private final JsonMapper json;

    DeviceSecrets(ObjectProvider<SecretCipher> cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /** The document to store: the definition as JSON, its password sealed. */
    String document(RegisterDeviceRequest definition) {
        ObjectNode tree = this.json.valueToTree(definition);
        JsonNode password = tree.path("protocol").path("password");
        if (password.isString()) {
            ((ObjectNode) tree.get("protocol")).put("password", this.cipher.getObject().seal(password.stringValue()));
        }
        return this.json.writeValueAsString(tree);
    }

    /**
     * A stored document's definition with its password opened.
     * @throws SecretCipher.SecretUnreadableException when it was sealed under another secret key
     */
    Opened open(String document) {
        ObjectNode tree = (ObjectNode) this.json.readTree(document);
        JsonNode password = tree.path("protocol").path("password");
        boolean plain = password.isString() && !password.stringValue().startsWith(SEALED);
        if (password.isString() && !plain) {
            ((ObjectNode) tree.get("protocol")).put("password", this.cipher.getObject().open(password.stringValue()));
        }
        return new Opened(this.json.treeToValue(tree, RegisterDeviceRequest.class), plain);
    }

    /**
     * A loaded definition.
     * @param definition the device as registered, its password in plain text
     * @param plain whether the document held the password unsealed, as stored before sealing came
     */
    record Opened(RegisterDeviceRequest definition, boolean plain) {
    }
}
