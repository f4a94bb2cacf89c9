package io.edgecoord.routing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SubscriptionController.class)
@AutoConfigureMockMvc(addFilters = false)
class SubscriptionControllerTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SubscriptionService service;

    @MockitoBean
    TaskSubscribeRights taskRights;

    @Test
    void createsASubscriptionAndSaysWhereItIs() throws Exception {
        Definition definition = Definition.parse("devices", "devices/+/connectivity", "task:alert", null);
        given(service.create(any())).willReturn(Subscription.create("s-1", definition, null, T0));

        mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
                {"source": "devices", "subject": "devices/+/connectivity", "target": "task:alert"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/subscriptions/s-1"))
                .andExpect(jsonPath("$.subject").value("devices/+/connectivity"))
                .andExpect(jsonPath("$.target").value("task:alert"));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', commentCharacter = ';', textBlock = """
            devices  | a/#/b                  | task:alert  | subject  | hash not last
            devices  | devices/+/connectivity | lambda:x    | target   | unknown target kind
            cloud    | #                      | task:alert  | source   | unknown source
            shadows  | #                      | task:alert  | subject  | hash never matches $aws
            devices  | #                      | shadow:th-1 | target   | shadow takes task results only
            """)
    void refusesAnInvalidSubscriptionWithAProblemNamingTheField(String source, String subject, String target,
            String field) throws Exception {
        mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
                {"source": "%s", "subject": "%s", "target": "%s"}""".formatted(source, subject, target)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invalid-subscription"))
                .andExpect(jsonPath("$.field").value(field));
        verifyNoInteractions(service);
    }

    @Test
    void refusesABadCronExpression() throws Exception {
        mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
                {"source": "schedule", "target": "task:tick", "schedule": "every minute"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("schedule"));
    }

    @Test
    void refusesAMissingTargetAsAnInvalidRequest() throws Exception {
        mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
                {"source": "devices", "subject": "#"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invalid-request"));
    }

    @Test
    void answersNotFoundForAnUnknownSubscription() throws Exception {
        given(service.find("nope")).willThrow(new SubscriptionNotFoundException("nope"));
        willThrow(new SubscriptionNotFoundException("nope")).given(service).delete("nope");

        mvc.perform(get("/api/v1/subscriptions/nope")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/subscription-not-found"));
        mvc.perform(delete("/api/v1/subscriptions/nope")).andExpect(status().isNotFound());
    }
}
