package io.edgecoord.shadow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.edgecoord.shadow.UpdateRequest.SectionChange;

import static io.edgecoord.shadow.Json.json;
import static io.edgecoord.shadow.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Request documents accepted and refused with AWS's messages. */
class UpdateRequestTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            not an object                      | [1]                                          | Invalid JSON
            no state                           | {'version':1}                                | Missing required node: state
            state is a string                  | {'state':'x'}                                | State node must be an object
            state is an array                  | {'state':[]}                                 | State node must be an object
            desired is a number                | {'state':{'desired':1}}                      | Desired node must be an object
            reported is an array               | {'state':{'reported':[1]}}                   | Reported node must be an object
            unknown top-level key              | {'state':{},'metadata':{}}                   | State contains an invalid node
            delta may not be sent              | {'state':{'delta':{'a':1}}}                  | State contains an invalid node
            unknown state section              | {'state':{'wanted':{'a':1}}}                 | State contains an invalid node
            version is a string                | {'state':{},'version':'3'}                   | Invalid version
            version is a fraction              | {'state':{},'version':1.5}                   | Invalid version
            version is negative                | {'state':{},'version':-1}                    | Invalid version
            clientToken is a number            | {'state':{},'clientToken':7}                 | Invalid clientToken
            null inside an array               | {'state':{'desired':{'c':[1,null]}}}         | Arrays may not contain null
            null in an object inside an array  | {'state':{'reported':{'c':[{'a':null}]}}}    | Arrays may not contain null
            seven levels below desired         | {'state':{'desired':{'a':{'b':{'c':{'d':{'e':{'f':{'g':1}}}}}}}}} | JSON contains too many levels of nesting; maximum is 6
            arrays count as levels             | {'state':{'reported':{'a':{'b':{'c':{'d':{'e':[[1]]}}}}}}}       | JSON contains too many levels of nesting; maximum is 6
            """)
    void refusesDocumentsThatBreakAwsRules(String rule, String body, String message) {
        assertThatExceptionOfType(InvalidShadowRequestException.class)
            .isThrownBy(() -> UpdateRequest.parse(json(body), 6))
            .satisfies((ex) -> assertThat(ex.awsMessage()).isEqualTo(message))
            .satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400));
    }

    @Test
    void acceptsSixLevelsBelowASection() {
        UpdateRequest request = UpdateRequest
            .parse(json("{'state':{'desired':{'a':{'b':{'c':{'d':{'e':{'f':1}}}}}}}}"), 6);
        assertThat(request.desired()).isInstanceOf(SectionChange.Merged.class);
    }

    @Test
    void readsSectionsVersionAndClientToken() {
        UpdateRequest request = UpdateRequest
            .parse(json("{'state':{'desired':{'a':1},'reported':null},'version':4,'clientToken':'t-1'}"), 6);
        assertThat(request.desired()).isEqualTo(new SectionChange.Merged(object("{'a':1}")));
        assertThat(request.reported()).isInstanceOf(SectionChange.Cleared.class);
        assertThat(request.version()).isEqualTo(4L);
        assertThat(request.clientToken()).isEqualTo("t-1");
        assertThat(request.touchesDesired()).isTrue();
    }

    @Test
    void nullStateClearsBothSections() {
        UpdateRequest request = UpdateRequest.parse(json("{'state':null}"), 6);
        assertThat(request.desired()).isInstanceOf(SectionChange.Cleared.class);
        assertThat(request.reported()).isInstanceOf(SectionChange.Cleared.class);
    }

    @Test
    void reportingOnlyLeavesDesiredAlone() {
        UpdateRequest request = UpdateRequest.parse(json("{'state':{'reported':{'a':1}}}"), 6);
        assertThat(request.desired()).isInstanceOf(SectionChange.Unchanged.class);
        assertThat(request.touchesDesired()).isFalse();
    }

    @Test
    void acceptsAClientTokenOf64BytesAndRefuses65() {
        assertThat(UpdateRequest.parse(json("{'state':{},'clientToken':'" + "x".repeat(64) + "'}"), 6).clientToken())
            .hasSize(64);
        assertThatExceptionOfType(InvalidShadowRequestException.class)
            .isThrownBy(() -> UpdateRequest.parse(json("{'state':{},'clientToken':'" + "é".repeat(33) + "'}"), 6))
            .satisfies((ex) -> assertThat(ex.awsMessage()).isEqualTo("Invalid clientToken"));
    }

    @Test
    void echoesTheClientTokenInRefusals() {
        assertThatExceptionOfType(InvalidShadowRequestException.class)
            .isThrownBy(() -> UpdateRequest.parse(json("{'state':{'delta':{}},'clientToken':'abc'}"), 6))
            .satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("clientToken", "abc")
                .containsEntry("code", 400)
                .containsEntry("message", "State contains an invalid node"));
    }
}
