package io.edgecoord.security.sigv4;

import java.util.Objects;

/**
 * What {@link SigV4Verifier} decided about a request: {@link Verified}, or {@link Refused} with the
 * error AWS Lambda answers in that case, so that SDKs and the CLI show their usual messages.
 */
public sealed interface SigV4Result {

    /**
     * The request was signed with the secret of {@code accessKeyId}.
     *
     * @param accessKeyId the key that signed it: an edgecoord API key id
     * @param region the region of the credential scope, whatever the client configured
     * @param service the service of the credential scope, one of the verifier's services
     */
    record Verified(String accessKeyId, String region, String service) implements SigV4Result {
    }

    /**
     * The request was not verified.
     *
     * @param reason why, for logs, meters and rate limits
     * @param awsErrorType the error Lambda names in {@code x-amzn-ErrorType} and {@code __type}
     * @param httpStatus the status to answer with
     * @param message the message Lambda gives, for the body's {@code message}
     */
    record Refused(Reason reason, String awsErrorType, int httpStatus, String message) implements SigV4Result {

        /** A refusal for {@code reason}, with the error type and status that the reason implies. */
        static Refused of(Reason reason, String message) {
            return new Refused(reason, reason.awsErrorType, 403, Objects.requireNonNull(message));
        }
    }

    /** Why a request was refused. */
    enum Reason {

        /** No {@code Authorization} header at all. */
        MISSING_AUTHENTICATION("MissingAuthenticationTokenException"),
        /** An {@code Authorization} header that is not a whole SigV4 one, or no request date. */
        INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
        /** A query-string (presigned URL) signature, which the coordinator does not take. */
        PRESIGNED_UNSUPPORTED("IncompleteSignatureException"),
        /** The credential's scope names another service, another date or another terminator. */
        WRONG_SCOPE("InvalidSignatureException"),
        /** The request date is older than the allowed skew. */
        EXPIRED("InvalidSignatureException"),
        /** The request date is further in the future than the allowed skew. */
        NOT_YET_CURRENT("InvalidSignatureException"),
        /** {@code x-amz-content-sha256} differs from the body's hash, or is a kind not taken here. */
        PAYLOAD_HASH_MISMATCH("InvalidSignatureException"),
        /** No key has this access key id. */
        UNKNOWN_ACCESS_KEY("UnrecognizedClientException"),
        /** The signature is not the one the key's secret gives. */
        SIGNATURE_MISMATCH("InvalidSignatureException");

        private final String awsErrorType;

        Reason(String awsErrorType) {
            this.awsErrorType = awsErrorType;
        }
    }
}
