package io.edgecoord.shadow;

import org.springframework.http.HttpStatus;

/** The device is known but has no shadow, or its shadow was deleted (404). */
public class ShadowNotFoundException extends ShadowException {

    /** For this device's classic shadow. */
    public ShadowNotFoundException(String device) {
        super(HttpStatus.NOT_FOUND, "shadow-not-found", "Shadow not found", "No shadow exists with name: classic",
                "Device '" + device + "' has no shadow.");
        getBody().setProperty("device", device);
    }
}
