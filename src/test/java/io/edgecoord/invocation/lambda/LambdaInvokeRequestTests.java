package io.edgecoord.invocation.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.edgecoord.invocation.lambda.LambdaInvokeRequest.InvocationType;

class LambdaInvokeRequestTests {

    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/lambda/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=abc";

    private static LambdaInvokeRequest parse(String name, String qualifier) {
        return LambdaInvokeRequest.parse(name, qualifier, null, null, null);
    }

    @Test
    void aPlainNameRunsTheLatestVersionAndWaitsForTheResult() {
        LambdaInvokeRequest request = parse("hello", null);

        assertThat(request.function()).isEqualTo("hello");
        assertThat(request.qualifier()).isEqualTo("$LATEST");
        assertThat(request.version()).isNull();
        assertThat(request.type()).isEqualTo(InvocationType.REQUEST_RESPONSE);
        assertThat(request.tailLogs()).isFalse();
    }

    @Test
    void theQualifierMayComeWithTheNameOrAsAParameter() {
        assertThat(parse("hello:3", null).version()).isEqualTo(3);
        assertThat(parse("hello", "3").version()).isEqualTo(3);
        assertThat(parse("hello:3", "3").version()).isEqualTo(3);
        assertThat(parse("hello", "$LATEST").version()).isNull();
        assertThat(parse("hello:$LATEST", null).version()).isNull();
    }

    @Test
    void fullAndPartialArnsNameTheFunctionAndTheRegion() {
        LambdaInvokeRequest full = parse("arn:aws:lambda:eu-central-1:123456789012:function:hello:2", null);
        assertThat(full.function()).isEqualTo("hello");
        assertThat(full.version()).isEqualTo(2);
        assertThat(full.region()).isEqualTo("eu-central-1");

        LambdaInvokeRequest partial = parse("123456789012:function:hello", null);
        assertThat(partial.function()).isEqualTo("hello");
        assertThat(partial.version()).isNull();
    }

    @Test
    void aQualifierInTheNameThatDiffersFromTheParameterIsRefused() {
        assertThatThrownBy(() -> parse("hello:2", "3")).isInstanceOf(LambdaParameterException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void aNameLambdaWouldNotAcceptIsRefused() {
        assertThatThrownBy(() -> parse("hello world", null)).isInstanceOf(LambdaParameterException.class);
        assertThatThrownBy(() -> parse("arn:aws:s3:::bucket", null)).isInstanceOf(LambdaParameterException.class);
        assertThatThrownBy(() -> parse("a".repeat(65), null)).isInstanceOf(LambdaParameterException.class);
    }

    @Test
    void anAliasIsNotFoundBecauseEdgecoordHasOnlyVersions() {
        LambdaInvokeRequest request = parse("hello", "live");

        assertThatThrownBy(request::version).isInstanceOf(LambdaFunctionNotFoundException.class)
                .hasMessage("Function not found: arn:aws:lambda:us-east-1:000000000000:function:hello:live");
    }

    @Test
    void theArnInMessagesUsesTheRegionTheCallerSignedFor() {
        assertThat(LambdaInvokeRequest.parse("hello", null, null, null, SIGNED).arn())
                .isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:hello");
        assertThat(parse("hello", "4").arn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:hello:4");
    }

    @Test
    void invocationTypesAndTheLogTypeAreReadFromTheirHeaders() {
        assertThat(LambdaInvokeRequest.parse("f", null, "Event", null, null).type()).isEqualTo(InvocationType.EVENT);
        assertThat(LambdaInvokeRequest.parse("f", null, "DryRun", null, null).type())
                .isEqualTo(InvocationType.DRY_RUN);
        assertThat(LambdaInvokeRequest.parse("f", null, "RequestResponse", "Tail", null).tailLogs()).isTrue();
        assertThat(LambdaInvokeRequest.parse("f", null, null, "None", null).tailLogs()).isFalse();
        assertThatThrownBy(() -> LambdaInvokeRequest.parse("f", null, "Later", null, null))
                .isInstanceOf(LambdaParameterException.class).hasMessageContaining("invocationType");
    }
}
