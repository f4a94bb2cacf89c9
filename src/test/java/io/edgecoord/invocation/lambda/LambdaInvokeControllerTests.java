package io.edgecoord.invocation.lambda;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.ExecutionUnavailableException;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvalidPayloadException;
import io.edgecoord.invocation.lifecycle.InvocationProperties;
import io.edgecoord.invocation.lifecycle.InvocationService;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationLog;
import io.edgecoord.scheduler.QueueFullException;
import io.edgecoord.task.TaskNotFoundException;

@WebMvcTest(LambdaInvokeController.class)
@AutoConfigureMockMvc(addFilters = false)
class LambdaInvokeControllerTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final String INVOKE = "/2015-03-31/functions/{name}/invocations";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InvocationService service;

    @TestConfiguration
    static class Settings {
        @Bean
        InvocationProperties invocationProperties() {
            return InvocationProperties.of(DataSize.ofBytes(64), DataSize.ofMegabytes(1), Duration.ofSeconds(5));
        }
    }

    private static Invocation running(String id, Invocation.Mode mode) {
        Invocation invocation = Invocation.accept(id, "hello", 2, mode, "{}".getBytes(), T0);
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0.plusMillis(1));
        return invocation;
    }

    private void accepting(Integer version, Invocation finished, CompletableFuture<String> output) {
        given(service.invoke(eq("hello"), version == null ? isNull() : eq(version), any(), eq(finished.mode())))
                .willReturn(new InvocationService.Accepted(finished, CompletableFuture.completedFuture(finished),
                        Duration.ofSeconds(5), output));
    }

    private static Invocation succeeded(String id, String result) {
        Invocation done = running(id, Invocation.Mode.SYNC);
        done.succeed(result.getBytes(), Duration.ZERO, T0.plusMillis(9));
        return done;
    }

    @Test
    void aRequestResponseCallAnswersTheResultWithTheVersionThatRan() throws Exception {
        accepting(null, succeeded("i-1", "{\"answer\":42}"), new CompletableFuture<>());

        mvc.perform(post(INVOKE, "hello").content("{\"x\":1}"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Amzn-RequestId", "i-1"))
                .andExpect(header().string("X-Amz-Executed-Version", "$LATEST"))
                .andExpect(header().doesNotExist("X-Amz-Function-Error"))
                .andExpect(header().doesNotExist("X-Amz-Log-Result"))
                .andExpect(jsonPath("$.answer").value(42));
    }

    @Test
    void theQualifierParameterAndAnArnPickTheVersion() throws Exception {
        accepting(2, succeeded("i-2", "1"), new CompletableFuture<>());

        mvc.perform(post(INVOKE, "hello").queryParam("Qualifier", "2").content("{}"))
                .andExpect(status().isOk());
        mvc.perform(post(INVOKE, "arn:aws:lambda:us-east-1:123456789012:function:hello:2").content("{}"))
                .andExpect(status().isOk())
                .andExpect(content().string("1"));
    }

    @Test
    void aFunctionErrorIs200WithTheRuntimesErrorDocument() throws Exception {
        Invocation done = running("i-3", Invocation.Mode.SYNC);
        done.fail(ErrorSource.FUNCTION, "ValueError", "bad input",
                "{\"errorMessage\":\"bad input\",\"errorType\":\"ValueError\",\"stackTrace\":[\"x\"]}".getBytes(),
                Duration.ZERO, T0);
        accepting(null, done, new CompletableFuture<>());

        mvc.perform(post(INVOKE, "hello").content("{}"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Amz-Function-Error", "Unhandled"))
                .andExpect(jsonPath("$.errorType").value("ValueError"))
                .andExpect(jsonPath("$.errorMessage").value("bad input"))
                .andExpect(jsonPath("$.stackTrace[0]").value("x"));
    }

    @Test
    void aTimeoutIs200WithLambdasSandboxTimedoutDocument() throws Exception {
        Invocation done = running("i-4", Invocation.Mode.SYNC);
        done.timeOut(Duration.ofSeconds(3), Duration.ZERO, T0.plusSeconds(3));
        accepting(null, done, new CompletableFuture<>());

        mvc.perform(post(INVOKE, "hello").content("{}"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Amz-Function-Error", "Unhandled"))
                .andExpect(jsonPath("$.errorType").value("Sandbox.Timedout"))
                .andExpect(jsonPath("$.errorMessage").value("RequestId: i-4 Error: Task timed out after 3.0 seconds"));
    }

    @Test
    void aCoordinatorFailureIsAServiceExceptionNotAFunctionError() throws Exception {
        Invocation done = Invocation.accept("i-5", "hello", 2, Invocation.Mode.SYNC, "{}".getBytes(), T0);
        done.fail(ErrorSource.COORDINATOR, "Coordinator.EnvironmentStartFailed", "no such image", null,
                Duration.ZERO, T0);
        accepting(null, done, new CompletableFuture<>());

        mvc.perform(post(INVOKE, "hello").content("{}"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().string("x-amzn-ErrorType", "ServiceException"))
                .andExpect(header().doesNotExist("X-Amz-Function-Error"))
                .andExpect(jsonPath("$.Type").value("Service"))
                .andExpect(jsonPath("$.message").value("no such image"));
    }

    @Test
    void tailWaitsForTheClosedOutputAndSendsItsEndInBase64() throws Exception {
        accepting(null, succeeded("i-6", "{}"), CompletableFuture.completedFuture("START\nprinted\n"));

        mvc.perform(post(INVOKE, "hello").header("X-Amz-Log-Type", "Tail").content("{}"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Amz-Log-Result",
                        Base64.getEncoder().encodeToString("START\nprinted\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void tailFallsBackToTheLogSoFarWhenTheOutputStaysOpen() throws Exception {
        accepting(null, succeeded("i-7", "{}"), new CompletableFuture<>());
        given(service.logs("i-7")).willReturn(Optional.of(new InvocationLog("i-7", "so far\n", false)));

        mvc.perform(post(INVOKE, "hello").header("X-Amz-Log-Type", "Tail").content("{}"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Amz-Log-Result",
                        Base64.getEncoder().encodeToString("so far\n".getBytes())));
    }

    @Test
    void anEventIsAcceptedWithAnEmptyBody() throws Exception {
        given(service.invoke(eq("hello"), isNull(), any(), eq(Invocation.Mode.ASYNC))).willReturn(
                new InvocationService.Accepted(running("i-8", Invocation.Mode.ASYNC), new CompletableFuture<>(),
                        Duration.ofSeconds(5), new CompletableFuture<>()));

        mvc.perform(post(INVOKE, "hello").header("X-Amz-Invocation-Type", "Event").content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("X-Amzn-RequestId", "i-8"))
                .andExpect(content().string(""));
    }

    @Test
    void aDryRunChecksAndRunsNothing() throws Exception {
        given(service.check(eq("hello"), isNull(), any())).willReturn(2);

        mvc.perform(post(INVOKE, "hello").header("X-Amz-Invocation-Type", "DryRun").content("{}"))
                .andExpect(status().isNoContent());
        verify(service, never()).invoke(any(), any(), any(), any());
    }

    @Test
    void anUnknownFunctionIsResourceNotFoundWithItsArnNotAProblem() throws Exception {
        given(service.invoke(eq("nope"), isNull(), any(), any())).willThrow(new TaskNotFoundException("nope"));

        mvc.perform(post(INVOKE, "nope").content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("x-amzn-ErrorType", "ResourceNotFoundException"))
                .andExpect(header().exists("X-Amzn-RequestId"))
                .andExpect(content().contentType("application/json"))
                .andExpect(jsonPath("$.Type").value("User"))
                .andExpect(jsonPath("$.message").value(
                        "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope"));
    }

    @Test
    void anUnknownVersionOrAnAliasIsResourceNotFound() throws Exception {
        given(service.invoke(eq("hello"), eq(9), any(), any())).willThrow(new TaskNotFoundException("hello", 9));
        // Aliases exist now: an alias the task lacks is what the service reports for "prod".
        given(service.invokeQualified(eq("hello"), eq("prod"), any(), any(), any()))
                .willThrow(new io.edgecoord.task.AliasNotFoundException("hello", "prod"));

        mvc.perform(post(INVOKE, "hello:9").content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(
                        "Function not found: arn:aws:lambda:us-east-1:000000000000:function:hello:9"));
        mvc.perform(post(INVOKE, "hello").queryParam("Qualifier", "prod").content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("x-amzn-ErrorType", "ResourceNotFoundException"));
    }

    @Test
    void aPayloadThatIsNotJsonIsInvalidRequestContent() throws Exception {
        given(service.invoke(any(), any(), any(), any())).willThrow(InvalidPayloadException.notJson("oops"));

        mvc.perform(post(INVOKE, "hello").content("{nope"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("x-amzn-ErrorType", "InvalidRequestContentException"));
    }

    @Test
    void aPayloadOverTheLimitIsRequestTooLargeBeforeAnythingIsAccepted() throws Exception {
        mvc.perform(post(INVOKE, "hello").content("{\"x\":\"" + "a".repeat(100) + "\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(header().string("x-amzn-ErrorType", "RequestTooLargeException"));
        verify(service, never()).invoke(any(), any(), any(), any());
    }

    @Test
    void aFullQueueIsTooManyRequestsWithRetryAfter() throws Exception {
        QueueFullException full = mock(QueueFullException.class);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        given(full.getHeaders()).willReturn(headers);
        given(full.getBody()).willReturn(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "full"));
        given(service.invoke(any(), any(), any(), any())).willThrow(full);

        mvc.perform(post(INVOKE, "hello").content("{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("x-amzn-ErrorType", "TooManyRequestsException"))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.Reason").value("ConcurrentInvocationLimitExceeded"));
    }

    @Test
    void anUnavailableBackendIsAServiceException() throws Exception {
        given(service.invoke(any(), any(), any(), any()))
                .willThrow(new ExecutionUnavailableException("Docker is down", null));

        mvc.perform(post(INVOKE, "hello").content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("x-amzn-ErrorType", "ServiceException"))
                .andExpect(jsonPath("$.message").value("Docker is down"));
    }

    @Test
    void anUnknownInvocationTypeIsAnInvalidParameter() throws Exception {
        mvc.perform(post(INVOKE, "hello").header("X-Amz-Invocation-Type", "Later").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("x-amzn-ErrorType", "InvalidParameterValueException"))
                .andExpect(jsonPath("$.type").doesNotExist());
    }
}
