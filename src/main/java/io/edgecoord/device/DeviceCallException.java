package io.edgecoord.device;

/** Reading or writing a device failed; the kind says how, the message carries the facts. */
class DeviceCallException extends Exception {

    private final FailureKind kind;

    DeviceCallException(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    FailureKind kind() {
        return this.kind;
    }
}
