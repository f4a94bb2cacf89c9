package io.edgecoord.security.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.edgecoord.security.sigv4.SigV4Result.Reason;
import io.edgecoord.security.sigv4.SigV4Result.Refused;
import io.edgecoord.security.sigv4.SigV4Result.Verified;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) on requests to the
 * coordinator's AWS Lambda API, so that the AWS SDKs and the CLI, given an edgecoord key as their
 * credentials (access key id = key id, secret access key = key secret) and {@code --endpoint-url},
 * work unchanged. Any region is taken; the service must be one of the verifier's.
 * <p>
 * An unknown key id and a wrong secret cost the same: both compute the whole signature (under a
 * random stand-in secret when the id is unknown) and compare it in constant time, so the answer's
 * timing does not tell which key ids exist. Only header signatures are taken: a presigned URL, or a
 * chunked ({@code STREAMING-...}) payload, is refused. Thread-safe, and pure apart from the secret
 * lookup it is given.
 */
public final class SigV4Verifier {

    /** How far from now a request's date may be by default: what AWS allows. */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(15);

    /** The Lambda API's service name in credential scopes. */
    public static final String LAMBDA = "lambda";

    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final List<String> PRESIGNING_PARAMETERS =
            List.of("X-Amz-Signature", "X-Amz-Algorithm", "X-Amz-Credential");

    private final Function<String, Optional<String>> secrets;
    private final Set<String> services;
    private final Duration skew;
    private final SignatureFunction signatures;
    private final String standInSecret;

    /**
     * A verifier that finds each key's secret with {@code secrets} (empty for an unknown id), takes
     * credential scopes of the given {@code services}, and requests dated within {@code skew} of now.
     */
    public SigV4Verifier(Function<String, Optional<String>> secrets, Set<String> services, Duration skew) {
        this(secrets, services, skew, SigV4Signatures::signature);
    }

    SigV4Verifier(Function<String, Optional<String>> secrets, Set<String> services, Duration skew,
            SignatureFunction signatures) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.services = Set.copyOf(services);
        this.skew = Objects.requireNonNull(skew, "skew");
        this.signatures = signatures;
        if (this.services.isEmpty() || skew.isNegative()) {
            throw new IllegalArgumentException("A verifier needs a service and a skew of zero or more");
        }
        byte[] random = new byte[30];
        new SecureRandom().nextBytes(random);
        this.standInSecret = HexFormat.of().formatHex(random);
    }

    /** A verifier for the Lambda API: service {@code lambda}, {@link #DEFAULT_SKEW}. */
    public static SigV4Verifier forLambda(Function<String, Optional<String>> secrets) {
        return new SigV4Verifier(secrets, Set.of(LAMBDA), DEFAULT_SKEW);
    }

    /** Whether {@code request} was signed, at a time close to {@code now}, with the secret of the key it names. */
    public SigV4Result verify(SigV4Request request, Instant now) {
        try {
            return check(request, now);
        }
        catch (SigV4Refusal refusal) {
            return refusal.refused();
        }
    }

    private SigV4Result check(SigV4Request request, Instant now) {
        SigV4Authorization authorization = SigV4Authorization.parse(authorizationHeader(request));
        SigV4Time time = SigV4Time.of(request);
        requireScope(authorization, time);
        authorization.requireSignedHeadersOf(request);
        time.requireWithin(skew, now);
        String canonicalRequest = CanonicalRequest.of(request, authorization, payloadHash(request));
        String stringToSign = SigV4Authorization.ALGORITHM + "\n" + time.basic() + "\n" + authorization.scope()
                + "\n" + SigV4Signatures.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        Optional<String> secret = secrets.apply(authorization.accessKeyId());
        // The same work whether the key exists or not: the refusal for an unknown one comes after it.
        String expected = signatures.sign(secret.orElse(standInSecret), authorization, stringToSign);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII));
        if (secret.isEmpty()) {
            return Refused.of(Reason.UNKNOWN_ACCESS_KEY, "The security token included in the request is invalid.");
        }
        if (!matches) {
            return Refused.of(Reason.SIGNATURE_MISMATCH, "The request signature we calculated does not match "
                    + "the signature you provided. Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details.");
        }
        return new Verified(authorization.accessKeyId(), authorization.region(), authorization.service());
    }

    private static String authorizationHeader(SigV4Request request) {
        for (String pair : request.rawQuery().split("&")) {
            String name = CanonicalRequest.percentDecode(pair.split("=", 2)[0]);
            if (PRESIGNING_PARAMETERS.stream().anyMatch(name::equalsIgnoreCase)) {
                throw new SigV4Refusal(Reason.PRESIGNED_UNSUPPORTED, "Query-string (presigned URL) authentication "
                        + "is not supported by the Lambda API; sign the request with an Authorization header.");
            }
        }
        List<String> values = request.values("authorization");
        if (values.isEmpty() || values.getFirst().isBlank()) {
            throw new SigV4Refusal(Reason.MISSING_AUTHENTICATION, "Missing Authentication Token");
        }
        if (values.size() > 1) {
            throw incomplete("A request must carry one Authorization header, not " + values.size() + ".");
        }
        return values.getFirst();
    }

    private void requireScope(SigV4Authorization authorization, SigV4Time time) {
        if (!SigV4Authorization.TERMINATOR.equals(authorization.terminator())) {
            throw wrongScope("Credential should be scoped with a valid terminator: '" + SigV4Authorization.TERMINATOR
                    + "', not '" + authorization.terminator() + "'.");
        }
        if (!services.contains(authorization.service())) {
            throw wrongScope("Credential should be scoped to correct service: '"
                    + String.join("' or '", services.stream().sorted().toList()) + "'. ");
        }
        if (!authorization.date().equals(time.day())) {
            throw wrongScope("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                    + "from HTTP: '" + authorization.date() + "' != '" + time.day() + "', from '" + time.basic() + "'.");
        }
    }

    private static String payloadHash(SigV4Request request) {
        String claimed = request.first("x-amz-content-sha256");
        if (claimed == null) {
            return SigV4Signatures.sha256Hex(request.body());
        }
        claimed = claimed.strip();
        if (UNSIGNED_PAYLOAD.equals(claimed)) {
            if (request.secure()) {
                return claimed;
            }
            throw payloadRefused("An UNSIGNED-PAYLOAD is taken only over HTTPS; sign the payload, or use https.");
        }
        if (claimed.startsWith("STREAMING-")) {
            throw payloadRefused("'" + claimed + "' (aws-chunked payload signing) is not supported by the Lambda API;"
                    + " send the payload whole.");
        }
        if (!claimed.equalsIgnoreCase(SigV4Signatures.sha256Hex(request.body()))) {
            throw payloadRefused("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return claimed;
    }

    private static SigV4Refusal incomplete(String message) {
        return new SigV4Refusal(Reason.INCOMPLETE_SIGNATURE, message);
    }

    private static SigV4Refusal wrongScope(String message) {
        return new SigV4Refusal(Reason.WRONG_SCOPE, message);
    }

    private static SigV4Refusal payloadRefused(String message) {
        return new SigV4Refusal(Reason.PAYLOAD_HASH_MISMATCH, message);
    }

    /** Computes a signature; a seam so that tests can see it runs once for known and unknown keys alike. */
    @FunctionalInterface
    interface SignatureFunction {

        String sign(String secret, SigV4Authorization authorization, String stringToSign);
    }
}
