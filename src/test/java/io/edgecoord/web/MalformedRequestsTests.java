package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponseException;

class MalformedRequestsTests {

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tasks");

    @Test
    void aHeaderOrParameterTheFirewallRejectsOnReadingIsTheClients400() {
        ErrorResponseException error = MalformedRequests.of(new RequestRejectedException("header 'X' value 'é'"),
                request).orElseThrow();

        assertThat(error.getStatusCode().value()).isEqualTo(400);
        assertThat(error.getBody().getType()).isEqualTo(Problems.INVALID_REQUEST);
        assertThat(error.getBody().getDetail()).doesNotContain("é");
    }

    @Test
    void aQueryTheContainerCannotDecodeIsTheClients400() {
        assertThat(MalformedRequests.of(new InvalidParameterException("Character decoding failed"), request)
            .map(e -> e.getStatusCode().value())).contains(400);
    }

    @Test
    void aWildcardOrUnparsableContentTypeIs415AndOtherwiseAnIllegalArgumentIsNoClientsFault() {
        IllegalArgumentException spring = new IllegalArgumentException("Content-Type cannot contain wildcard type '*'");
        request.setContentType("*/*");
        assertThat(MalformedRequests.of(spring, request).map(e -> e.getStatusCode().value())).contains(415);
        request.setContentType("application/*");
        assertThat(MalformedRequests.of(spring, request).map(e -> e.getStatusCode().value())).contains(415);
        request.setContentType("application/json");
        assertThat(MalformedRequests.of(spring, request)).isEmpty();
        assertThat(MalformedRequests.of(new IllegalStateException("a bug"), request)).isEmpty();
    }
}
