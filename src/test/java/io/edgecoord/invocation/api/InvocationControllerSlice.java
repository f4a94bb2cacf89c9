package io.edgecoord.invocation.api;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.lifecycle.Cancellations;
import io.edgecoord.invocation.lifecycle.InvocationProperties;
import io.edgecoord.invocation.lifecycle.InvocationService;
import io.edgecoord.invocation.store.Invocation;

/**
 * The invocation controller alone over MockMvc, its collaborators mocked: payloads up to 64 bytes
 * (so that a test can exceed the limit cheaply), results up to 1 MB. Subclasses share one context.
 */
@WebMvcTest(InvocationController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(InvocationControllerSlice.Settings.class)
abstract class InvocationControllerSlice {

    static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InvocationService service;

    @MockitoBean
    Cancellations cancellations;

    @MockitoBean
    LogFollower followers;

    @TestConfiguration
    static class Settings {
        @Bean
        InvocationProperties invocationProperties() {
            return InvocationProperties.of(DataSize.ofBytes(64), DataSize.ofMegabytes(1), Duration.ofSeconds(5));
        }
    }

    static Invocation queued(String id, Invocation.Mode mode) {
        return Invocation.accept(id, "hello", 2, mode, "{}".getBytes(), T0);
    }

    static Invocation running(String id) {
        Invocation invocation = queued(id, Invocation.Mode.SYNC);
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0.plusMillis(1));
        return invocation;
    }
}
