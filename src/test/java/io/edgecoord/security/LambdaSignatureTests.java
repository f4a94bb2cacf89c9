package io.edgecoord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.TestKeys;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.auth.scheme.LambdaAuthSchemeProvider;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The Lambda API checks AWS Signature Version 4 made by AWS's own SDK: an edgecoord key signs as
 * access key id and secret access key; a wrong secret, a tampered body, an old date, a revoked or
 * unknown key and no signature are refused with Lambda's error codes. No task runs here: a request
 * that passes answers {@code ResourceNotFoundException} for the function that does not exist.
 */
class LambdaSignatureTests extends SecuredCoordinatorTest {

    @Test
    void theAdminKeySignsAndReachesTheApi() {
        LambdaException notFound = refusal(lambda(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET, b -> { }));
        assertThat(notFound.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        LambdaException refused = refusal(lambda(TestKeys.ADMIN_ID, "wrong-secret-0123456789abcdefghijklmnopq", b -> { }));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void anUnknownOrRevokedKeyIsUnrecognized() {
        assertThat(refusal(lambda("EKNOSUCHKEY000000000", TestKeys.ADMIN_SECRET, b -> { })).awsErrorDetails().errorCode())
            .isEqualTo("UnrecognizedClientException");

        JsonNode key = admin().json(admin().postJson("/api/v1/keys", "{\"name\":\"sdk\",\"scopes\":[\"invoke\"]}"));
        String id = key.path("id").asString();
        String secret = key.path("secret").asString();
        assertThat(refusal(lambda(id, secret, b -> { })).awsErrorDetails().errorCode())
            .isEqualTo("ResourceNotFoundException");
        admin().delete("/api/v1/keys/" + id);
        assertThat(refusal(lambda(id, secret, b -> { })).awsErrorDetails().errorCode())
            .isEqualTo("UnrecognizedClientException");
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        LambdaClient tampering = lambda(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET,
                b -> b.httpClient(new TamperingHttpClient(UrlConnectionHttpClient.create())));
        LambdaException refused = refusal(tampering);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void aSignatureOlderThanFifteenMinutesHasExpired() {
        Clock old = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        LambdaAuthSchemeProvider defaults = LambdaAuthSchemeProvider.defaultProvider();
        LambdaClient stale = lambda(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET, b -> b.authSchemeProvider(
                params -> defaults.resolveAuthScheme(params).stream()
                    .map(option -> option.toBuilder().putSignerProperty(HttpSigner.SIGNING_CLOCK, old).build())
                    .toList()));
        LambdaException refused = refusal(stale);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(refused.awsErrorDetails().errorMessage()).contains("Signature expired");
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() {
        LambdaClient unsigned = client(AnonymousCredentialsProvider.create(), b -> { });
        LambdaException refused = refusal(unsigned);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void aKeyWithoutTheInvokeScopeIsDenied() {
        JsonNode key = admin().json(admin().postJson("/api/v1/keys", "{\"name\":\"reader\",\"scopes\":[\"read\"]}"));
        LambdaException refused = refusal(lambda(key.path("id").asString(), key.path("secret").asString(), b -> { }));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    }

    private static LambdaException refusal(LambdaClient client) {
        try (client) {
            return catchThrowableOfType(LambdaException.class, () -> client.invoke(r -> r.functionName("no-such-function")
                .payload(SdkBytes.fromUtf8String("{\"word\":\"edge\"}"))));
        }
    }

    private LambdaClient lambda(String id, String secret, Consumer<LambdaClientBuilder> customize) {
        return client(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)), customize);
    }

    private LambdaClient client(AwsCredentialsProvider credentials, Consumer<LambdaClientBuilder> customize) {
        LambdaClientBuilder builder = LambdaClient.builder()
            .endpointOverride(URI.create("http://localhost:" + port))
            .region(Region.EU_WEST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            // One attempt: the SDK would otherwise correct its clock from the answer and sign again.
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)));
        customize.accept(builder);
        return builder.build();
    }

    /** Sends a signed request with one byte of its body changed, as a man in the middle would. */
    private record TamperingHttpClient(SdkHttpClient delegate) implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            byte[] body;
            try {
                body = request.contentStreamProvider().orElseThrow().newStream().readAllBytes();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            body[body.length - 3] = (byte) (body[body.length - 3] ^ 1);
            return delegate.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
                .contentStreamProvider(() -> new ByteArrayInputStream(body)).build());
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
