package io.edgecoord.security.sigv4;

import static io.edgecoord.security.sigv4.SdkSigning.DEFAULT;
import static io.edgecoord.security.sigv4.SdkSigning.KEY_ID;
import static io.edgecoord.security.sigv4.SdkSigning.NOW;
import static io.edgecoord.security.sigv4.SdkSigning.SECRET;
import static io.edgecoord.security.sigv4.SdkSigning.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.edgecoord.security.sigv4.SigV4Result.Reason;
import io.edgecoord.security.sigv4.SigV4Result.Refused;
import io.edgecoord.security.sigv4.SigV4Result.Verified;
import software.amazon.awssdk.http.SdkHttpMethod;

class SigV4VerifierTests {

    static final byte[] PAYLOAD = "{\"setpoint\":21.5}".getBytes(StandardCharsets.UTF_8);

    final SigV4Verifier verifier = SigV4Verifier.forLambda(id -> Optional.ofNullable(Map.of(KEY_ID, SECRET).get(id)));

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-central-1", "ap-southeast-2", "gateway-7"})
    void acceptsARequestTheAwsSdkSignedInAnyRegion(String region) {
        SigV4Request request = DEFAULT.withRegion(region).sign(invoke("thermostat"), PAYLOAD);

        assertThat(verifier.verify(request, NOW)).isEqualTo(new Verified(KEY_ID, region, "lambda"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:lambda:eu-west-1:123456789012:function:thermostat:$LATEST",
        "123456789012:function:thermostat:prod", "thermostat:$LATEST", "name: with spaces+plus/ünï"})
    void acceptsFunctionNamesThatTheSdkEncodesInThePath(String functionName) {
        SigV4Request request = DEFAULT.sign(invoke(functionName), PAYLOAD);

        assertThat(request.rawPath()).contains("%3A").doesNotContain("$", "+", " ");
        assertThat(verifier.verify(request, NOW)).isInstanceOf(Verified.class);
    }

    @Test
    void acceptsQueryParametersInAnyOrderWithRepeatsAndEmptyValues() {
        SigV4Request request = DEFAULT.sign(invoke("thermostat")
                .putRawQueryParameter("Qualifier", "$LATEST")
                .putRawQueryParameter("b", List.of("z", "a b", "ä/&="))
                .putRawQueryParameter("A", "")
                .putRawQueryParameter("flag", (String) null)
                .putRawQueryParameter("~tilde-_.", "*"), PAYLOAD);

        assertThat(request.rawQuery()).contains("Qualifier=%24LATEST", "flag");
        assertThat(verifier.verify(request, NOW)).isInstanceOf(Verified.class);
    }

    @Test
    void acceptsARequestWithoutBodyAndPathOfTheControlPlane() {
        SigV4Request request = DEFAULT.sign(invoke("x").method(SdkHttpMethod.GET).encodedPath("/2015-03-31/functions/")
                .putRawQueryParameter("MaxItems", "50").putRawQueryParameter("Marker", "a=b"), new byte[0]);

        assertThat(verifier.verify(request, NOW)).isInstanceOf(Verified.class);
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void acceptsEmptyBinaryAndLargeBodies(String kind, byte[] body) {
        SigV4Request request = DEFAULT.sign(invoke("thermostat"), body);

        assertThat(verifier.verify(request, NOW)).as(kind).isInstanceOf(Verified.class);
    }

    static Stream<Arguments> bodies() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] megabyte = new byte[1024 * 1024];
        new Random(7).nextBytes(megabyte);
        return Stream.of(Arguments.of("empty", new byte[0]), Arguments.of("every byte", everyByte),
                Arguments.of("1 MB", megabyte));
    }

    @Test
    void acceptsADateWithinTheSkewEitherWay() {
        assertThat(verifier.verify(DEFAULT.at(NOW.minusSeconds(14 * 60)).sign(invoke("t"), PAYLOAD), NOW))
                .isInstanceOf(Verified.class);
        assertThat(verifier.verify(DEFAULT.at(NOW.plusSeconds(14 * 60)).sign(invoke("t"), PAYLOAD), NOW))
                .isInstanceOf(Verified.class);
    }

    @Test
    void refusesAWrongSecretAsLambdaDoes() {
        SigV4Request request = DEFAULT.withKey(KEY_ID, SECRET + "x").sign(invoke("thermostat"), PAYLOAD);

        assertThat(verifier.verify(request, NOW)).isEqualTo(new Refused(Reason.SIGNATURE_MISMATCH,
                "InvalidSignatureException", 403, "The request signature we calculated does not match the signature "
                        + "you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                        + "documentation for details."));
    }

    @Test
    void refusesAnUnknownKeyIdAsLambdaDoes() {
        SigV4Request request = DEFAULT.withKey("ek-nobody", SECRET).sign(invoke("thermostat"), PAYLOAD);

        assertThat(verifier.verify(request, NOW)).isEqualTo(new Refused(Reason.UNKNOWN_ACCESS_KEY,
                "UnrecognizedClientException", 403, "The security token included in the request is invalid."));
    }

    @Test
    void computesOneSignatureForAnUnknownKeyIdAsForAWrongSecret() {
        List<String> lookedUp = new ArrayList<>();
        List<String> signedWith = new ArrayList<>();
        SigV4Verifier counting = new SigV4Verifier(id -> {
            lookedUp.add(id);
            return Optional.ofNullable(Map.of(KEY_ID, SECRET).get(id));
        }, Set.of("lambda"), SigV4Verifier.DEFAULT_SKEW, (secret, authorization, stringToSign) -> {
            signedWith.add(secret);
            return SigV4Signatures.signature(secret, authorization, stringToSign);
        });

        SigV4Result unknown = counting.verify(DEFAULT.withKey("ek-nobody", SECRET).sign(invoke("t"), PAYLOAD), NOW);
        assertThat(unknown).extracting(result -> ((Refused) result).reason()).isEqualTo(Reason.UNKNOWN_ACCESS_KEY);
        assertThat(lookedUp).containsExactly("ek-nobody");
        // A stand-in secret as long as a real one, not the signer's: the work is the same, the answer a refusal.
        assertThat(signedWith).singleElement().asString().hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(SECRET);

        lookedUp.clear();
        signedWith.clear();
        SigV4Result wrong = counting.verify(DEFAULT.withKey(KEY_ID, "not-the-secret").sign(invoke("t"), PAYLOAD), NOW);
        assertThat(wrong).extracting(result -> ((Refused) result).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(lookedUp).containsExactly(KEY_ID);
        assertThat(signedWith).containsExactly(SECRET);
    }

    @Test
    void refusesARequestChangedAfterSigning() {
        SigV4Request good = DEFAULT.sign(invoke("thermostat").putRawQueryParameter("Qualifier", "prod"), PAYLOAD);

        assertThat(List.of(
                SdkSigning.withPath(good, good.rawPath().replace("thermostat", "boiler")),
                SdkSigning.withQuery(good, "Qualifier=dev"),
                SdkSigning.withHeader(good, "Content-Type", "text/plain"),
                SdkSigning.withHeader(good, "X-Amz-Date", "20260314T092654Z"),
                SdkSigning.withAuthorization(good, "Signature=", "Signature=0")))
                .allSatisfy(request -> assertThat(reason(request)).isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        SigV4Request good = DEFAULT.sign(invoke("thermostat"), PAYLOAD);
        byte[] tampered = PAYLOAD.clone();
        tampered[2]++;

        // The SDK sends the payload's hash in x-amz-content-sha256, which no longer matches.
        assertThat(good.first("x-amz-content-sha256")).isEqualTo(SigV4Signatures.sha256Hex(PAYLOAD));
        assertThat(refused(SdkSigning.withBody(good, tampered))).isEqualTo(Refused.of(Reason.PAYLOAD_HASH_MISMATCH,
                "The provided 'x-amz-content-sha256' header does not match what was computed."));
        // Without that header, the signature over the payload's hash no longer matches.
        SigV4Request withoutHashHeader = SdkSigning.withAuthorization(
                SdkSigning.withHeader(good, "x-amz-content-sha256"), ";x-amz-content-sha256", "");
        assertThat(reason(SdkSigning.withBody(withoutHashHeader, tampered))).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesSignedHeadersWithoutHostOrDate() {
        SigV4Request good = DEFAULT.sign(invoke("thermostat"), PAYLOAD);

        Refused noHost = refused(SdkSigning.withAuthorization(good, "host;", ""));
        Refused noDate = refused(SdkSigning.withAuthorization(good, ";x-amz-date", ""));

        assertThat(noHost.awsErrorType()).isEqualTo("IncompleteSignatureException");
        assertThat(noHost.message()).isEqualTo("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        assertThat(noDate.message()).isEqualTo("'x-amz-date' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void refusesASignedHeaderTheRequestDoesNotCarry() {
        SigV4Request request = SdkSigning.withHeader(DEFAULT.sign(invoke("thermostat"), PAYLOAD), "Content-Type");

        assertThat(refused(request).reason()).isEqualTo(Reason.INCOMPLETE_SIGNATURE);
        assertThat(refused(request).message()).startsWith("'content-type' is a 'SignedHeader'");
    }

    @Test
    void refusesADateTwentyMinutesOldAsExpired() {
        Refused refused = refused(DEFAULT.at(NOW.minus(Duration.ofMinutes(20))).sign(invoke("thermostat"), PAYLOAD));

        assertThat(refused.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(refused.awsErrorType()).isEqualTo("InvalidSignatureException");
        assertThat(refused.message()).isEqualTo(
                "Signature expired: 20260314T090653Z is now earlier than 20260314T091153Z (20260314T092653Z - 15 min.)");
    }

    @Test
    void refusesADateTwentyMinutesAheadAsNotYetCurrent() {
        Refused refused = refused(DEFAULT.at(NOW.plus(Duration.ofMinutes(20))).sign(invoke("thermostat"), PAYLOAD));

        assertThat(refused.reason()).isEqualTo(Reason.NOT_YET_CURRENT);
        assertThat(refused.message()).isEqualTo("Signature not yet current: 20260314T094653Z is still later than "
                + "20260314T094153Z (20260314T092653Z + 15 min.)");
    }

    @Test
    void refusesACredentialScopedToAnotherService() {
        Refused refused = refused(DEFAULT.withService("s3").sign(invoke("thermostat"), PAYLOAD));

        assertThat(refused.reason()).isEqualTo(Reason.WRONG_SCOPE);
        assertThat(refused.awsErrorType()).isEqualTo("InvalidSignatureException");
        assertThat(refused.message()).isEqualTo("Credential should be scoped to correct service: 'lambda'. ");
    }

    @Test
    void takesTheServicesItIsGiven() {
        SigV4Verifier controlPlane = new SigV4Verifier(id -> Optional.of(SECRET), Set.of("lambda", "iot"),
                Duration.ofMinutes(5));

        assertThat(controlPlane.verify(DEFAULT.withService("iot").sign(invoke("t"), PAYLOAD), NOW))
                .isEqualTo(new Verified(KEY_ID, "us-east-1", "iot"));
        assertThat(controlPlane.verify(DEFAULT.at(NOW.minusSeconds(6 * 60)).sign(invoke("t"), PAYLOAD), NOW))
                .extracting(result -> ((Refused) result).message()).asString().endsWith(" - 5 min.)");
    }

    @Test
    void refusesACredentialDatedAnotherDayThanTheRequest() {
        SigV4Request lateAtNight = DEFAULT.at(NOW.plusSeconds(14 * 3600 + 33 * 60)).sign(invoke("t"), PAYLOAD);
        SigV4Request afterMidnight = SdkSigning.withHeader(lateAtNight, "X-Amz-Date", "20260315T000100Z");

        assertThat(refused(afterMidnight)).isEqualTo(Refused.of(Reason.WRONG_SCOPE, "Date in Credential scope does "
                + "not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260314' != '20260315', from "
                + "'20260315T000100Z'."));
    }

    @Test
    void takesTheDateHeaderWhenThereIsNoXAmzDate() {
        SigV4Request dated = SdkSigning.withHeader(SdkSigning.withHeader(DEFAULT.sign(invoke("t"), PAYLOAD),
                "X-Amz-Date"), "Date", "Sun, 15 Mar 2026 00:01:00 GMT");

        assertThat(refused(dated).message()).endsWith("'20260314' != '20260315', from '20260315T000100Z'.");
    }

    @Test
    void refusesARequestWithoutDate() {
        SigV4Request request = SdkSigning.withHeader(DEFAULT.sign(invoke("t"), PAYLOAD), "X-Amz-Date");

        assertThat(refused(request)).isEqualTo(Refused.of(Reason.INCOMPLETE_SIGNATURE,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
    }

    @Test
    void refusesARequestWithoutAuthorizationAsMissingToken() {
        SigV4Request request = SdkSigning.withHeader(DEFAULT.sign(invoke("t"), PAYLOAD), "Authorization");

        assertThat(refused(request)).isEqualTo(new Refused(Reason.MISSING_AUTHENTICATION,
                "MissingAuthenticationTokenException", 403, "Missing Authentication Token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ek1.secret", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e",
        "AWS4-HMAC-SHA256 Credential=a/b/c, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=a/b/c/d/e SignedHeaders=host Signature=00",
        "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host;;x-amz-date, Signature=00"})
    void refusesAMalformedAuthorizationAsIncomplete(String authorization) {
        SigV4Request request = SdkSigning.withHeader(DEFAULT.sign(invoke("t"), PAYLOAD), "Authorization", authorization);

        assertThat(refused(request).awsErrorType()).isEqualTo("IncompleteSignatureException");
    }

    @Test
    void namesEveryMissingPartOfTheAuthorization() {
        SigV4Request request = SdkSigning.withHeader(DEFAULT.sign(invoke("t"), PAYLOAD), "Authorization",
                "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260314/us-east-1/lambda/aws4_request");

        assertThat(refused(request).message()).isEqualTo("Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter.");
    }

    @Test
    void refusesAPresignedUrlAsUnsupported() {
        Refused refused = refused(DEFAULT.presign(invoke("thermostat")));

        assertThat(refused.reason()).isEqualTo(Reason.PRESIGNED_UNSUPPORTED);
        assertThat(refused.message()).contains("presigned URL", "not supported", "Authorization header");
    }

    @Test
    void refusesAContentHashThatIsNotTheBodys() {
        SigV4Request request = SdkSigning.withHeader(DEFAULT.sign(invoke("t"), PAYLOAD), "x-amz-content-sha256",
                SigV4Signatures.sha256Hex(new byte[0]));

        assertThat(refused(request)).isEqualTo(Refused.of(Reason.PAYLOAD_HASH_MISMATCH,
                "The provided 'x-amz-content-sha256' header does not match what was computed."));
    }

    @Test
    void takesAContentHashThatIsTheBodys() {
        SigV4Request request = DEFAULT.sign(invoke("t").putHeader("x-amz-content-sha256",
                SigV4Signatures.sha256Hex(PAYLOAD)), PAYLOAD);

        assertThat(verifier.verify(request, NOW)).isInstanceOf(Verified.class);
    }

    @Test
    void takesAnUnsignedPayloadOnlyOverTls() {
        SigV4Request overHttps = DEFAULT.unsignedPayload().sign(invoke("t").protocol("https"), PAYLOAD);

        assertThat(overHttps.first("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
        assertThat(verifier.verify(overHttps, NOW)).isInstanceOf(Verified.class);
        assertThat(refused(SdkSigning.overTls(overHttps, false)).reason()).isEqualTo(Reason.PAYLOAD_HASH_MISMATCH);
    }

    private Reason reason(SigV4Request request) {
        return refused(request).reason();
    }

    private Refused refused(SigV4Request request) {
        SigV4Result result = verifier.verify(request, NOW);
        assertThat(result).isInstanceOf(Refused.class);
        return (Refused) result;
    }
}
