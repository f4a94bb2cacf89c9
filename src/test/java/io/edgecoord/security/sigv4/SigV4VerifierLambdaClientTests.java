package io.edgecoord.security.sigv4;

import static io.edgecoord.security.sigv4.SdkSigning.KEY_ID;
import static io.edgecoord.security.sigv4.SdkSigning.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgecoord.security.sigv4.SigV4Result.Reason;
import io.edgecoord.security.sigv4.SigV4Result.Refused;
import io.edgecoord.security.sigv4.SigV4Result.Verified;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * What the real {@link LambdaClient} sends, as users run it ({@code endpointOverride}, static
 * credentials), recorded by a server on loopback and fed to the verifier as the coordinator would.
 */
class SigV4VerifierLambdaClientTests {

    final List<SigV4Request> received = new CopyOnWriteArrayList<>();
    final SigV4Verifier verifier = SigV4Verifier.forLambda(id -> Optional.ofNullable(Map.of(KEY_ID, SECRET).get(id)));
    HttpServer server;

    @BeforeEach
    void startRecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::record);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void verifiesAnInvokeOfAnArnWithQualifierAsTheLambdaClientSendsIt() {
        try (LambdaClient lambda = client(KEY_ID, SECRET, Region.EU_WEST_1)) {
            lambda.invoke(invoke -> invoke.functionName("arn:aws:lambda:eu-west-1:123456789012:function:thermostat")
                    .qualifier("$LATEST").invocationType(InvocationType.REQUEST_RESPONSE).logType(LogType.TAIL)
                    .clientContext(Base64.getEncoder().encodeToString("{\"custom\":{}}".getBytes(StandardCharsets.UTF_8)))
                    .payload(SdkBytes.fromUtf8String("{\"setpoint\": 21.5}")));
            lambda.invoke(invoke -> invoke.functionName("thermostat:$LATEST")
                    .payload(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, '\r', '\n', 0x7f})));
        }

        assertThat(received).hasSize(2);
        assertThat(received.getFirst().rawPath())
                .isEqualTo("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Athermostat/invocations");
        assertThat(received.getFirst().rawQuery()).isEqualTo("Qualifier=%24LATEST");
        assertThat(received.getFirst().first("authorization"))
                .contains("content-length;content-type;host;x-amz-client-context;", "x-amz-invocation-type;x-amz-log-type");
        assertThat(received).allSatisfy(request -> assertThat(verifier.verify(request, Instant.now()))
                .isEqualTo(new Verified(KEY_ID, "eu-west-1", "lambda")));
        SigV4Request madeAsync = SdkSigning.withHeader(received.getFirst(), "X-Amz-Invocation-Type", "Event");
        assertThat(verifier.verify(madeAsync, Instant.now())).extracting(result -> ((Refused) result).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void verifiesAControlPlaneListWithAQueryAsTheLambdaClientSendsIt() {
        try (LambdaClient lambda = client(KEY_ID, SECRET, Region.AP_SOUTHEAST_2)) {
            lambda.listFunctions(list -> list.maxItems(50).marker("thermo/stat:1 +x"));
        }

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.rawQuery()).isEqualTo("Marker=thermo%2Fstat%3A1%20%2Bx&MaxItems=50");
            assertThat(verifier.verify(request, Instant.now())).isInstanceOf(Verified.class);
        });
    }

    @Test
    void refusesTheLambdaClientsRequestSignedWithAnotherSecretOrAnUnknownKey() {
        try (LambdaClient wrongSecret = client(KEY_ID, "not-the-secret", Region.US_EAST_1);
                LambdaClient unknownKey = client("ek-nobody", SECRET, Region.US_EAST_1)) {
            wrongSecret.invoke(invoke -> invoke.functionName("thermostat"));
            unknownKey.invoke(invoke -> invoke.functionName("thermostat"));
        }

        assertThat(received).extracting(request -> ((Refused) verifier.verify(request, Instant.now())).awsErrorType())
                .containsExactly("InvalidSignatureException", "UnrecognizedClientException");
    }

    private LambdaClient client(String keyId, String secret, Region region) {
        return LambdaClient.builder()
                .endpointOverride(URI.create("http://localhost:" + server.getAddress().getPort()))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    // Records the request as the coordinator's servlet would see it, and answers as Lambda does.
    private void record(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new SigV4Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes(), false));
            byte[] body = exchange.getRequestMethod().equals("GET") ? "{\"Functions\":[]}".getBytes(StandardCharsets.UTF_8)
                    : "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
