package io.edgecoord.security.sigv4;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Requests signed by the AWS SDK for Java's own SigV4 signer, turned into what the coordinator
 * receives, and changed afterwards as an attacker or a broken proxy would.
 *
 * @param keyId the access key id to sign with
 * @param secret the secret access key to sign with
 * @param region the region of the credential scope
 * @param service the service of the credential scope
 * @param at the signing time
 * @param signPayload whether the payload is hashed into the signature (else {@code UNSIGNED-PAYLOAD}, HTTPS only)
 */
record SdkSigning(String keyId, String secret, String region, String service, Instant at, boolean signPayload) {

    static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");
    static final String KEY_ID = "ek1a2b3c4d5e6f";
    static final String SECRET = "Ws3yR8pLq0vN2mXc7tB5kJ9hG4fD6sA1zE0uY8iO";
    static final SdkSigning DEFAULT = new SdkSigning(KEY_ID, SECRET, "us-east-1", "lambda", NOW, true);

    SdkSigning withKey(String id, String secret) {
        return new SdkSigning(id, secret, region, service, at, signPayload);
    }

    SdkSigning withRegion(String region) {
        return new SdkSigning(keyId, secret, region, service, at, signPayload);
    }

    SdkSigning withService(String service) {
        return new SdkSigning(keyId, secret, region, service, at, signPayload);
    }

    SdkSigning at(Instant at) {
        return new SdkSigning(keyId, secret, region, service, at, signPayload);
    }

    SdkSigning unsignedPayload() {
        return new SdkSigning(keyId, secret, region, service, at, false);
    }

    /** A Lambda Invoke request for {@code functionName}, its path encoded as the SDK puts it on the wire. */
    static SdkHttpRequest.Builder invoke(String functionName) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http").host("127.0.0.1").port(9000)
                .encodedPath("/2015-03-31/functions/" + SdkHttpUtils.urlEncode(functionName) + "/invocations")
                .putHeader("Content-Type", "application/json");
    }

    /** {@code request} with {@code body}, signed in the header, as the server receives it. */
    SigV4Request sign(SdkHttpRequest.Builder request, byte[] body) {
        return received(signed(request, body, AwsV4FamilyHttpSigner.AuthLocation.HEADER), body);
    }

    /** {@code request} presigned: the signature in the query string. */
    SigV4Request presign(SdkHttpRequest.Builder request) {
        return received(signed(request, new byte[0], AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING), new byte[0]);
    }

    private SdkHttpRequest signed(SdkHttpRequest.Builder request, byte[] body,
            AwsV4FamilyHttpSigner.AuthLocation location) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, location)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        return signed.request();
    }

    private static SigV4Request received(SdkHttpRequest request, byte[] body) {
        return new SigV4Request(request.method().name(), request.getUri().getRawPath(), request.getUri().getRawQuery(),
                request.headers(), body, "https".equals(request.protocol()));
    }

    /** {@code request} with the header {@code name} set to {@code values}, or removed when there are none. */
    static SigV4Request withHeader(SigV4Request request, String name, String... values) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.remove(name);
        if (values.length > 0) {
            headers.put(name, Arrays.asList(values));
        }
        return new SigV4Request(request.method(), request.rawPath(), request.rawQuery(), headers, request.body(),
                request.secure());
    }

    /** {@code request} with its Authorization header changed by replacing {@code from} with {@code to}. */
    static SigV4Request withAuthorization(SigV4Request request, String from, String to) {
        String authorization = request.first("authorization");
        if (!authorization.contains(from)) {
            throw new IllegalArgumentException("'" + from + "' is not in " + authorization);
        }
        return withHeader(request, "Authorization", authorization.replace(from, to));
    }

    static SigV4Request withBody(SigV4Request request, byte[] body) {
        return new SigV4Request(request.method(), request.rawPath(), request.rawQuery(), request.headers(), body,
                request.secure());
    }

    static SigV4Request withPath(SigV4Request request, String rawPath) {
        return new SigV4Request(request.method(), rawPath, request.rawQuery(), request.headers(), request.body(),
                request.secure());
    }

    static SigV4Request withQuery(SigV4Request request, String rawQuery) {
        return new SigV4Request(request.method(), request.rawPath(), rawQuery, request.headers(), request.body(),
                request.secure());
    }

    static SigV4Request overTls(SigV4Request request, boolean secure) {
        return new SigV4Request(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                request.body(), secure);
    }
}
