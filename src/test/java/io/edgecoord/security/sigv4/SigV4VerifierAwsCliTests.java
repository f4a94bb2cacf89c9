package io.edgecoord.security.sigv4;

import static io.edgecoord.security.sigv4.SdkSigning.KEY_ID;
import static io.edgecoord.security.sigv4.SdkSigning.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.edgecoord.security.sigv4.SigV4Result.Reason;
import io.edgecoord.security.sigv4.SigV4Result.Refused;
import io.edgecoord.security.sigv4.SigV4Result.Verified;

/**
 * Requests the AWS CLI sent to a recording server on loopback, with {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} set to the test key and {@code --endpoint-url}: CLI v2 2.9.19
 * (Debian's awscli) and CLI v1 1.45.11 (botocore 1.43.11), recorded on 2026-12-06. The CLI signs with
 * botocore, not with the Java SDK: it signs fewer headers and no {@code x-amz-content-sha256}.
 */
class SigV4VerifierAwsCliTests {

    final SigV4Verifier verifier = SigV4Verifier.forLambda(id -> Optional.ofNullable(Map.of(KEY_ID, SECRET).get(id)));

    /** A recorded request and the region the CLI was given. */
    record Recorded(String command, String region, SigV4Request request) {

        Instant signedAt() {
            return LocalDateTime.parse(request.first("x-amz-date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                    .toInstant(ZoneOffset.UTC);
        }

        @Override
        public String toString() {
            return command;
        }
    }

    static Stream<Recorded> recorded() {
        return Stream.of(
                new Recorded("v2: aws lambda invoke --function-name arn:aws:lambda:eu-west-1:123456789012:function:"
                        + "thermostat:$LATEST --payload ...", "eu-west-1", request("POST",
                        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Athermostat"
                                + "%3A%24LATEST/invocations", "", "{\"setpoint\": 21.5}", Map.of(
                        "X-Amz-Date", "20261206T204738Z",
                        "Authorization", "AWS4-HMAC-SHA256 Credential=ek1a2b3c4d5e6f/20261206/eu-west-1/lambda/"
                                + "aws4_request, SignedHeaders=host;x-amz-date, "
                                + "Signature=3756647750b50ecbe6481efb5cd23f5857660e63d75d29401d0a739f9d1113c0"))),
                new Recorded("v1: aws lambda invoke --function-name thermostat --qualifier prod --invocation-type Event",
                        "us-east-1", request("POST", "/2015-03-31/functions/thermostat/invocations", "Qualifier=prod",
                        "{\"a\": [1, 2]}", Map.of(
                        "X-Amz-Invocation-Type", "Event",
                        "X-Amz-Date", "20261206T204749Z",
                        "Authorization", "AWS4-HMAC-SHA256 Credential=ek1a2b3c4d5e6f/20261206/us-east-1/lambda/"
                                + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-invocation-type, "
                                + "Signature=44751a70c31d120fe48873ca796d38999e65c66cafa9199e1215920377b7ab52"))),
                new Recorded("v2: aws lambda list-functions --function-version ALL --master-region eu-west-1",
                        "ap-southeast-2", request("GET", "/2015-03-31/functions/",
                        "MasterRegion=eu-west-1&FunctionVersion=ALL", "", Map.of(
                        "X-Amz-Date", "20261206T204741Z",
                        "Authorization", "AWS4-HMAC-SHA256 Credential=ek1a2b3c4d5e6f/20261206/ap-southeast-2/lambda/"
                                + "aws4_request, SignedHeaders=host;x-amz-date, "
                                + "Signature=a0c70b585c11cb331f648b9963ab9b942f97edf051ee5eb4e0ef93c9f54e94d1"))));
    }

    private static SigV4Request request(String method, String path, String query, String body,
            Map<String, String> signing) {
        Map<String, List<String>> headers = new HashMap<>(Map.of(
                "Host", List.of("127.0.0.1:18731"), "Accept-Encoding", List.of("identity"),
                "User-Agent", List.of("aws-cli"), "Content-Length", List.of(String.valueOf(body.length()))));
        signing.forEach((name, value) -> headers.put(name, List.of(value)));
        return new SigV4Request(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void verifiesWhatTheAwsCliSends(Recorded recorded) {
        assertThat(verifier.verify(recorded.request(), recorded.signedAt()))
                .isEqualTo(new Verified(KEY_ID, recorded.region(), "lambda"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void refusesWhatTheAwsCliSentOnceItsBodyOrQueryChanged(Recorded recorded) {
        SigV4Request request = recorded.request();
        SigV4Request changed = request.body().length > 0
                ? SdkSigning.withBody(request, (new String(request.body(), StandardCharsets.UTF_8) + " ").getBytes())
                : SdkSigning.withQuery(request, request.rawQuery().replace("ALL", "LATEST"));

        assertThat(verifier.verify(changed, recorded.signedAt()))
                .extracting(result -> ((Refused) result).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
}
