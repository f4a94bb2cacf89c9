package io.edgecoord.routing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GreengrassCallTests {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String ROUTER = "arn:aws:lambda:edge:000000000000:function:GGRouter";
    private static final String SHADOW = "arn:aws:lambda:edge:000000000000:function:GGShadowService";

    @Test
    void anArnNamesTheFunctionAndItsQualifierWhateverItsRegionAndAccount() {
        assertThat(GreengrassArn.parse("arn:aws:lambda:us-east-1:123456789012:function:reader:7"))
            .isEqualTo(new GreengrassArn("reader", "7"));
        assertThat(GreengrassArn.parse("arn:aws:lambda:edge:000000000000:function:reader:live"))
            .isEqualTo(new GreengrassArn("reader", "live"));
        assertThat(GreengrassArn.parse("arn:aws:lambda:edge:000000000000:function:reader"))
            .isEqualTo(new GreengrassArn("reader", null));
        assertThat(GreengrassArn.parse("arn:aws:lambda:edge:000000000000:function:reader:$LATEST").qualifier())
            .isEqualTo("$LATEST");
    }

    @Test
    void whatIsNotALambdaFunctionArnIsRefused() {
        for (String arn : new String[] { null, "reader", "arn:aws:iot:edge:0:thing:reader",
                "arn:aws:lambda:edge:0:layer:reader", "arn:aws:lambda:edge:0:function:", "arn:aws:lambda:edge:0:function:r:",
                "arn:aws:lambda:edge:0:function:r:1:2" }) {
            assertThatExceptionOfType(InvalidGreengrassCallException.class).isThrownBy(() -> GreengrassArn.parse(arn))
                .satisfies(ex -> assertThat(ex.getStatusCode().value()).isEqualTo(400));
        }
    }

    @Test
    void theRouterWithASubjectIsAPublishToThatTopic() {
        GreengrassCall call = parse(ROUTER, "Event", "{\"custom\":{\"subject\":\"hello/world\",\"source\":\"x\"}}",
                "{\"n\":1}");
        assertThat(call.target()).isEqualTo(new GreengrassCall.Publish("hello/world"));
        assertThat(call.awaited()).isFalse();
        assertThat(new String(call.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    }

    @Test
    void theShadowServiceWithAShadowTopicIsThatRequestOfThatThing() {
        assertThat(parse(SHADOW, null, "{\"custom\":{\"subject\":\"$aws/things/pump-1/shadow/get\"}}", null).target())
            .isEqualTo(new GreengrassCall.Shadow("$aws/things/pump-1/shadow/get", "pump-1", true));
        assertThat(parse(SHADOW, null, "{\"custom\":{\"subject\":\"$aws/things/pump-1/shadow/update\"}}", "{}")
            .target()).isEqualTo(new GreengrassCall.Shadow("$aws/things/pump-1/shadow/update", "pump-1", false));
        assertThat(parse(SHADOW, null, "{\"custom\":{\"subject\":\"$aws/things/pump-1/shadow/delete\"}}", null)
            .target()).isEqualTo(new GreengrassCall.Shadow("$aws/things/pump-1/shadow/delete", "pump-1", false));
    }

    @Test
    void aShadowSubjectThatIsNoShadowRequestTopicIsRefused() {
        assertThatExceptionOfType(InvalidGreengrassCallException.class)
            .isThrownBy(() -> parse(SHADOW, null, "{\"custom\":{\"subject\":\"$aws/things/pump-1/shadow/get/accepted\"}}",
                    null))
            .withMessageContaining("$aws/things/<thing>/shadow/get|update|delete");
    }

    @Test
    void theRouterAndTheShadowServiceNeedASubject() {
        assertThatExceptionOfType(InvalidGreengrassCallException.class)
            .isThrownBy(() -> parse(ROUTER, "Event", null, "x")).withMessageContaining("clientContext.custom.subject");
        assertThatExceptionOfType(InvalidGreengrassCallException.class)
            .isThrownBy(() -> parse(SHADOW, null, "{\"custom\":{}}", null))
            .withMessageContaining("clientContext.custom.subject");
    }

    @Test
    void anyOtherFunctionIsATaskWithItsQualifierAndTheClientContextTravelsAsJsonText() {
        GreengrassCall call = parse("arn:aws:lambda:edge:000000000000:function:adder:live", "RequestResponse",
                "{\"custom\":{\"k\":\"v\"}}", "[1,2]");
        assertThat(call.target()).isEqualTo(new GreengrassCall.Task("adder", "live"));
        assertThat(call.awaited()).isTrue();
        assertThat(call.clientContext()).isEqualTo("{\"custom\":{\"k\":\"v\"}}");
    }

    @Test
    void aCallWithoutTypePayloadOrContextWaitsAndCarriesNoBytes() {
        GreengrassCall call = parse("arn:aws:lambda:edge:000000000000:function:adder", null, null, null);
        assertThat(call.awaited()).isTrue();
        assertThat(call.payload()).isEmpty();
        assertThat(call.clientContext()).isNull();
        assertThat(call.target()).isEqualTo(new GreengrassCall.Task("adder", null));
    }

    @Test
    void anUnknownInvocationTypeNonBase64FieldsAndAContextThatIsNoObjectAreRefused() {
        String adder = "arn:aws:lambda:edge:000000000000:function:adder";
        assertThatExceptionOfType(InvalidGreengrassCallException.class)
            .isThrownBy(() -> parse(adder, "DryRun", null, null)).withMessageContaining("RequestResponse or Event");
        assertThatExceptionOfType(InvalidGreengrassCallException.class)
            .isThrownBy(() -> GreengrassCall.parse(JSON.readTree("{\"functionArn\":\"" + adder
                    + "\",\"payload\":\"not base64!\"}"), JSON)).withMessageContaining("payload must be base64");
        assertThatExceptionOfType(InvalidGreengrassCallException.class)
            .isThrownBy(() -> parse(adder, null, "[1]", null)).withMessageContaining("base64 of a JSON object");
    }

    @Test
    void theWaitIsThirtySecondsByDefaultAndCappedBelowTheIdleTimeout() {
        assertThat(GreengrassSeam.waitSeconds(null)).isEqualTo(30);
        assertThat(GreengrassSeam.waitSeconds("x=1")).isEqualTo(30);
        assertThat(GreengrassSeam.waitSeconds("wait=5")).isEqualTo(5);
        assertThat(GreengrassSeam.waitSeconds("a=b&wait=0")).isZero();
        assertThat(GreengrassSeam.waitSeconds("wait=100000")).isEqualTo(240);
        assertThatExceptionOfType(InvalidGreengrassCallException.class)
            .isThrownBy(() -> GreengrassSeam.waitSeconds("wait=-1"));
    }

    private static GreengrassCall parse(String arn, String type, String context, String payload) {
        var body = JSON.createObjectNode().put("functionArn", arn);
        if (type != null) {
            body.put("invocationType", type);
        }
        body.put("clientContext", base64(context));
        body.put("payload", base64(payload));
        return GreengrassCall.parse(body, JSON);
    }

    private static String base64(String text) {
        return text == null ? null : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
