package io.edgecoord.security.sigv4;

import io.edgecoord.security.sigv4.SigV4Result.Reason;
import io.edgecoord.security.sigv4.SigV4Result.Refused;

/**
 * Ends a SigV4 check early with its refusal; {@link SigV4Verifier#verify} turns it into its result,
 * so it never leaves this package. It has no stack trace: refusals are the common case of a bad
 * client, and they should cost little.
 */
final class SigV4Refusal extends RuntimeException {

    private final transient Refused refused;

    SigV4Refusal(Reason reason, String message) {
        super(message, null, false, false);
        this.refused = Refused.of(reason, message);
    }

    Refused refused() {
        return refused;
    }
}
