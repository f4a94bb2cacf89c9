package io.edgecoord.invocation.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import io.edgecoord.execution.ExecutionUnavailableException;
import io.edgecoord.invocation.InvalidPayloadException;
import io.edgecoord.scheduler.QueueFullException;

class LambdaErrorTests {

    @Test
    void anUnknownFunctionIsAResourceNotFoundByTheUser() {
        LambdaError error = LambdaError.of(new LambdaFunctionNotFoundException("arn:aws:lambda:r:1:function:f"));

        assertThat(error.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(error.code()).isEqualTo("ResourceNotFoundException");
        assertThat(error.body()).containsEntry("Type", "User")
                .containsEntry("message", "Function not found: arn:aws:lambda:r:1:function:f");
    }

    @Test
    void aPayloadThatIsNotJsonOrTooLargeGetsLambdasOwnCodes() {
        LambdaError notJson = LambdaError.of(InvalidPayloadException.notJson("Unexpected character"));
        assertThat(notJson.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.code()).isEqualTo("InvalidRequestContentException");
        assertThat(notJson.message()).contains("Unexpected character");

        LambdaError tooLarge = LambdaError.of(InvalidPayloadException.tooLarge(6));
        assertThat(tooLarge.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(tooLarge.code()).isEqualTo("RequestTooLargeException");
    }

    @Test
    void aFullQueueIsThrottlingWithRetryAfter() {
        QueueFullException full = mock(QueueFullException.class); // its constructor is the scheduler's
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "2");
        given(full.getHeaders()).willReturn(headers);
        given(full.getBody()).willReturn(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "full"));

        ResponseEntity<?> response = LambdaError.of(full).toResponse("r-1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getFirst("x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(response.getHeaders().getFirst("X-Amzn-RequestId")).isEqualTo("r-1");
        assertThat(LambdaError.of(full).body()).containsEntry("Reason", "ConcurrentInvocationLimitExceeded")
                .containsEntry("Type", "User");
    }

    @Test
    void anUnavailableBackendIsTheServicesFaultAndTemporary() {
        LambdaError error = LambdaError.of(new ExecutionUnavailableException("Docker is down", null));

        assertThat(error.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(error.code()).isEqualTo("ServiceException");
        assertThat(error.body()).containsEntry("Type", "Service").containsEntry("message", "Docker is down");
    }

    @Test
    void anythingElseIsAServiceExceptionThatRevealsNothing() {
        LambdaError error = LambdaError.of(new IllegalStateException("secret detail"));

        assertThat(error.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(error.code()).isEqualTo("ServiceException");
        assertThat(error.message()).doesNotContain("secret");
    }

    @Test
    void aRequestTheFrameworkRefusedIsTheUsersErrorWithItsStatus() {
        LambdaError mediaType = LambdaError.of(new org.springframework.web.HttpMediaTypeNotSupportedException(
                "Content-Type 'text/xml' is not supported"));
        LambdaError rejected = LambdaError.of(new org.springframework.web.ErrorResponseException(HttpStatus.BAD_REQUEST));

        assertThat(mediaType.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(mediaType.code()).isEqualTo("UnsupportedMediaTypeException");
        assertThat(mediaType.type()).isEqualTo("User");
        assertThat(rejected.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.code()).isEqualTo("InvalidRequestContentException");
    }
}
