package io.edgecoord.shadow;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import static io.edgecoord.shadow.Json.json;
import static io.edgecoord.shadow.Json.object;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shadow REST API: documents, ETags, the delta, and each refusal as an RFC 9457 problem with AWS's fields. */
@WebMvcTest(ShadowController.class)
@AutoConfigureMockMvc(addFilters = false)
class ShadowControllerTests {

    static final String DOC = "{'state':{'desired':{'on':true},'delta':{'on':true}},'version':5,'timestamp':1}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ShadowService shadows;

    @Test
    void getsTheDocumentWithItsVersionAsETag() throws Exception {
        given(this.shadows.document("lamp")).willReturn(json(DOC));
        this.mvc.perform(get("/api/v1/devices/lamp/shadow"))
            .andExpect(status().isOk())
            .andExpect(header().string("ETag", "\"5\""))
            .andExpect(jsonPath("$.state.delta.on").value(true))
            .andExpect(jsonPath("$.version").value(5));
        this.mvc.perform(get("/api/v1/devices/lamp/shadow").header("If-None-Match", "\"5\""))
            .andExpect(status().isNotModified());
    }

    @Test
    void answersNotFoundForAnUnknownDevice() throws Exception {
        given(this.shadows.document("nope")).willThrow(new UnknownDeviceException("nope"));
        this.mvc.perform(get("/api/v1/devices/nope/shadow"))
            .andExpect(problem(404, "device-not-found", "Thing not found"));
    }

    @Test
    void answersNotFoundForADeviceWithoutAShadow() throws Exception {
        given(this.shadows.document("lamp")).willThrow(new ShadowNotFoundException("lamp"));
        this.mvc.perform(get("/api/v1/devices/lamp/shadow"))
            .andExpect(problem(404, "shadow-not-found", "No shadow exists with name: classic"));
    }

    @Test
    void patchesWithIfMatchAndReturnsTheAcceptedDocument() throws Exception {
        given(this.shadows.update(eq("lamp"), any(), eq(4L))).willReturn(json(DOC));
        this.mvc.perform(patch("/api/v1/devices/lamp/shadow").header("If-Match", "\"4\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"state\":{\"desired\":{\"on\":true}}}"))
            .andExpect(status().isOk())
            .andExpect(header().string("ETag", "\"5\""))
            .andExpect(jsonPath("$.version").value(5));
        then(this.shadows).should().update("lamp", json("{'state':{'desired':{'on':true}}}"), 4L);
    }

    @Test
    void patchesWithoutIfMatchAsLastWriteWins() throws Exception {
        given(this.shadows.update(eq("lamp"), any(), eq(null))).willReturn(json(DOC));
        this.mvc.perform(patch("/api/v1/devices/lamp/shadow").contentType(MediaType.APPLICATION_JSON)
            .content("{\"state\":{},\"version\":4}")).andExpect(status().isOk());
    }

    @Test
    void answersConflictForAStaleVersion() throws Exception {
        given(this.shadows.update(eq("lamp"), any(), any()))
            .willThrow(new ShadowVersionConflictException(3, 5).clientToken("t"));
        this.mvc.perform(patch("/api/v1/devices/lamp/shadow").header("If-Match", "W/\"3\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"state\":{},\"clientToken\":\"t\"}"))
            .andExpect(problem(409, "shadow-version-conflict", "Version conflict"))
            .andExpect(jsonPath("$.clientToken").value("t"))
            .andExpect(jsonPath("$.currentVersion").value(5));
    }

    @Test
    void answersPayloadTooLargeOverTheLimit() throws Exception {
        given(this.shadows.update(eq("lamp"), any(), any())).willThrow(new ShadowTooLargeException(9000, 8192));
        this.mvc.perform(patch("/api/v1/devices/lamp/shadow").contentType(MediaType.APPLICATION_JSON)
            .content("{\"state\":{}}"))
            .andExpect(problem(413, "shadow-too-large", "The payload exceeds the maximum size allowed"));
    }

    @Test
    void answersBadRequestForAnInvalidDocument() throws Exception {
        given(this.shadows.update(eq("lamp"), any(), any()))
            .willThrow(new InvalidShadowRequestException("State contains an invalid node"));
        this.mvc.perform(patch("/api/v1/devices/lamp/shadow").contentType(MediaType.APPLICATION_JSON)
            .content("{\"state\":{\"delta\":{}}}"))
            .andExpect(problem(400, "shadow-request-invalid", "State contains an invalid node"));
    }

    @Test
    void refusesBodiesThatAreNotJsonAndIfMatchThatIsNoVersion() throws Exception {
        this.mvc.perform(patch("/api/v1/devices/lamp/shadow").contentType(MediaType.APPLICATION_JSON)
            .content("{\"state\":")).andExpect(problem(400, "shadow-request-invalid", "Invalid JSON"));
        this.mvc.perform(patch("/api/v1/devices/lamp/shadow").header("If-Match", "\"abc\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"state\":{}}")).andExpect(problem(400, "shadow-request-invalid", "Invalid version"));
        verifyNoInteractions(this.shadows);
    }

    @Test
    void deletesAndAnswersWithTheLastVersion() throws Exception {
        given(this.shadows.delete("lamp")).willReturn(object("{'version':7,'timestamp':1}"));
        this.mvc.perform(delete("/api/v1/devices/lamp/shadow"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(7));
    }

    @Test
    void answersNoContentForAnEmptyDeltaAndTheDeltaOtherwise() throws Exception {
        given(this.shadows.delta("lamp")).willReturn(Optional.empty());
        this.mvc.perform(get("/api/v1/devices/lamp/shadow/delta")).andExpect(status().isNoContent());
        given(this.shadows.delta("lamp")).willReturn(Optional.of(object("{'state':{'on':true},'version':5}")));
        this.mvc.perform(get("/api/v1/devices/lamp/shadow/delta"))
            .andExpect(status().isOk())
            .andExpect(header().string("ETag", "\"5\""))
            .andExpect(jsonPath("$.state.on").value(true));
    }

    static ResultMatcher problem(int status, String slug, String awsMessage) {
        ResultMatcher[] matchers = { status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("https://edgecoord.io/problems/" + slug), jsonPath("$.status").value(status),
                jsonPath("$.title").isNotEmpty(), jsonPath("$.detail").isNotEmpty(),
                jsonPath("$.code").value(status), jsonPath("$.message").value(awsMessage) };
        return (result) -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
