package io.edgecoord.shadow;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static io.edgecoord.shadow.Json.assertJson;
import static io.edgecoord.shadow.Json.json;
import static io.edgecoord.shadow.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The update decision: versions, metadata, policies, limits and the accepted document. */
class ShadowUpdateTests {

    static final Instant T0 = Instant.parse("2025-06-01T12:00:00.250Z");

    static final Instant T1 = T0.plusSeconds(60);

    static final ShadowProperties KEEP = ShadowProperties.defaults();

    static final ShadowProperties CLEAR = new ShadowProperties(8192, 6, DesiredPolicy.CLEAR_ON_CONVERGE,
            Duration.ofHours(48));

    @Test
    void firstUpdateCreatesVersionOneWithTimestampsAndDelta() {
        ShadowChange change = update(ShadowDocument.empty(0, T0), "{'state':{'desired':{'temp':21}}}", null, T0);
        assertJson(change.response(), """
                {'state':{'desired':{'temp':21},'delta':{'temp':21}},
                 'metadata':{'desired':{'temp':{'timestamp':1748779200}}},
                 'version':1,'timestamp':1748779200,'timestampMs':1748779200250}""");
    }

    @Test
    void everyAcceptedUpdateAddsOneToTheVersionEvenANoOp() {
        ShadowDocument doc = ShadowDocument.empty(0, T0);
        for (int i = 1; i <= 3; i++) {
            doc = update(doc, "{'state':{'reported':{'temp':20}}}", null, T0).current();
            assertThat(doc.version()).isEqualTo(i);
        }
    }

    @Test
    void numberingContinuesFromATombstonesVersion() {
        assertThat(update(ShadowDocument.empty(41, T0), "{'state':{}}", null, T0).current().version()).isEqualTo(42);
    }

    @Test
    void acceptsTheCurrentVersionInBodyOrIfMatch() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'desired':{'a':1}}}", null, T0).current();
        assertThat(update(doc, "{'state':{'desired':{'a':2}},'version':1}", null, T1).current().version()).isEqualTo(2);
        assertThat(update(doc, "{'state':{'desired':{'a':2}}}", 1L, T1).current().version()).isEqualTo(2);
    }

    @Test
    void refusesAStaleVersionInTheBodyWithVersionConflict() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'desired':{'a':1}}}", null, T0).current();
        assertThatExceptionOfType(ShadowVersionConflictException.class)
            .isThrownBy(() -> update(doc, "{'state':{'desired':{'a':2}},'version':0,'clientToken':'c'}", null, T1))
            .satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("code", 409)
                .containsEntry("message", "Version conflict")
                .containsEntry("clientToken", "c")
                .containsEntry("currentVersion", 1L));
    }

    @Test
    void refusesAStaleIfMatchEvenWhenTheBodyHasNone() {
        ShadowDocument doc = ShadowDocument.empty(3, T0);
        assertThatExceptionOfType(ShadowVersionConflictException.class)
            .isThrownBy(() -> update(doc, "{'state':{'desired':{'a':2}}}", 2L, T1));
        assertThatExceptionOfType(ShadowVersionConflictException.class)
            .isThrownBy(() -> update(doc, "{'state':{},'version':3}", 4L, T1));
    }

    @Test
    void stampsOnlyTouchedKeysAndKeepsEarlierTimestamps() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'reported':{'a':1,'b':1}}}", null, T0)
            .current();
        ShadowDocument next = update(doc, "{'state':{'reported':{'b':2}}}", null, T1).current();
        assertJson(next.reportedMetadata(), "{'a':{'timestamp':1748779200},'b':{'timestamp':1748779260}}");
        assertThat(next.timestamp()).isEqualTo(T1);
    }

    @Test
    void nullSectionDeletesItWithItsMetadata() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0),
                "{'state':{'desired':{'a':1},'reported':{'a':0}}}", null, T0).current();
        ShadowDocument next = update(doc, "{'state':{'desired':null}}", null, T1).current();
        assertThat(next.toJson().get("state")).isEqualTo(object("{'reported':{'a':0}}"));
        assertJson(next.toJson().get("metadata"), "{'reported':{'a':{'timestamp':1748779200}}}");
    }

    @Test
    void nullStateDeletesAllStateButKeepsTheShadowsVersion() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0),
                "{'state':{'desired':{'a':1},'reported':{'a':0}}}", null, T0).current();
        ShadowDocument next = update(doc, "{'state':null}", null, T1).current();
        assertThat(next.toJson().get("state")).isEqualTo(object("{}"));
        assertThat(next.version()).isEqualTo(2);
    }

    @Test
    void keepPolicyLeavesDesiredWhenReportedConverges() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'desired':{'a':1}}}", null, T0).current();
        ShadowDocument next = update(doc, "{'state':{'reported':{'a':1.0}}}", null, T1).current();
        assertThat(next.desired()).isEqualTo(object("{'a':1}"));
        assertThat(next.delta()).isEmpty();
    }

    @Test
    void clearOnConvergeRemovesDesiredKeysInTheSameVersion() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'desired':{'a':1,'b':2}}}", null, T0,
                CLEAR).current();
        ShadowDocument next = update(doc, "{'state':{'reported':{'a':1}}}", null, T1, CLEAR).current();
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.desired()).isEqualTo(object("{'b':2}"));
        assertJson(next.desiredMetadata(), "{'b':{'timestamp':1748779200}}");
        assertThat(next.delta()).isEqualTo(object("{'b':2}"));
    }

    @Test
    void clearOnConvergeDropsADesiredValueThatIsAlreadyReported() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'reported':{'a':1}}}", null, T0, CLEAR)
            .current();
        assertThat(update(doc, "{'state':{'desired':{'a':1}}}", null, T1, CLEAR).current().desired()).isEmpty();
    }

    @Test
    void refusesStateOverTheSizeLimitWith413() {
        ShadowProperties small = new ShadowProperties(100, 6, DesiredPolicy.KEEP, Duration.ofHours(48));
        String big = "x".repeat(40);
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'desired':{'a':'" + big + "'}}}", null,
                T0, small).current();
        assertThatExceptionOfType(ShadowTooLargeException.class)
            .isThrownBy(() -> update(doc, "{'state':{'reported':{'a':'" + big + "'}}}", null, T1, small))
            .satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(413))
            .satisfies((ex) -> assertThat(ex.awsMessage()).isEqualTo("The payload exceeds the maximum size allowed"));
    }

    @Test
    void aDeleteThatShrinksStateUnderTheLimitIsAccepted() {
        ShadowProperties small = new ShadowProperties(64, 6, DesiredPolicy.KEEP, Duration.ofHours(48));
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'desired':{'a':'" + "x".repeat(30) + "'}}}",
                null, T0, small).current();
        assertThat(update(doc, "{'state':{'desired':{'a':null}}}", null, T1, small).current().desired()).isEmpty();
    }

    @Test
    void countsStateBytesAsUtf8Json() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0), "{'state':{'desired':{'a':'é'}}}", null, T0)
            .current();
        assertThat(doc.stateBytes()).isEqualTo("{\"desired\":{\"a\":\"é\"},\"reported\":{}}".getBytes().length);
    }

    @Test
    void echoesTheClientTokenInTheAcceptedDocument() {
        ShadowChange change = update(ShadowDocument.empty(0, T0), "{'state':{},'clientToken':'abc'}", null, T0);
        assertThat(change.response().get("clientToken").stringValue()).isEqualTo("abc");
    }

    @Test
    void reportsADeltaChangeOnlyWhenTheDeltaIsNewAndNotEmpty() {
        ShadowDocument empty = ShadowDocument.empty(0, T0);
        ShadowChange desired = update(empty, "{'state':{'desired':{'a':1,'b':1}}}", null, T0);
        assertThat(desired.deltaChanged()).isTrue();
        ShadowChange unrelated = update(desired.current(), "{'state':{'reported':{'c':1}}}", null, T1);
        assertThat(unrelated.deltaChanged()).isFalse();
        ShadowChange halfway = update(unrelated.current(), "{'state':{'reported':{'a':1}}}", null, T1);
        assertThat(halfway.deltaChanged()).isTrue();
        ShadowChange converged = update(halfway.current(), "{'state':{'reported':{'b':1}}}", null, T1);
        assertThat(converged.deltaChanged()).isFalse();
        assertThat(converged.current().delta()).isEmpty();
    }

    @Test
    void survivesStorageUnchanged() {
        ShadowDocument doc = update(ShadowDocument.empty(0, T0),
                "{'state':{'desired':{'a':[1,2],'l':{'on':true}},'reported':{'a':1.5}}}", null, T0).current();
        ShadowDocument read = ShadowDocument.read(json(doc.stored().toString()), 1, T0);
        assertThat(StateTrees.same(read.toJson(), doc.toJson())).isTrue();
        assertThat(read.delta()).isEqualTo(doc.delta());
    }

    static ShadowChange update(ShadowDocument doc, String body, Long ifMatch, Instant now) {
        return update(doc, body, ifMatch, now, KEEP);
    }

    static ShadowChange update(ShadowDocument doc, String body, Long ifMatch, Instant now, ShadowProperties rules) {
        UpdateRequest request = UpdateRequest.parse(json(body), rules.maxDepth());
        return ShadowUpdate.apply(doc, request, ifMatch, rules, now);
    }
}
