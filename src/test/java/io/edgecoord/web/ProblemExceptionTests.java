package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class ProblemExceptionTests {

    /** A named problem as the modules write one. */
    static final class WidgetBusyException extends ProblemException {

        WidgetBusyException(String widget) {
            super(HttpStatus.CONFLICT, "widget-busy", "Widget busy", "Widget '" + widget + "' is busy.");
            property("widget", widget);
            retryAfter(7);
        }
    }

    @Test
    void aNamedProblemCarriesTheSameBodyAndHeadersAsOneBuiltFieldByField() {
        ErrorResponseException byHand = new ErrorResponseException(HttpStatus.CONFLICT);
        byHand.setType(URI.create("https://edgecoord.io/problems/widget-busy"));
        byHand.setTitle("Widget busy");
        byHand.setDetail("Widget 'w1' is busy.");
        byHand.getBody().setProperty("widget", "w1");
        byHand.getHeaders().set(HttpHeaders.RETRY_AFTER, "7");

        WidgetBusyException named = new WidgetBusyException("w1");

        assertThat(named.getBody()).isEqualTo(byHand.getBody());
        assertThat(named.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(named.getHeaders()).isEqualTo(byHand.getHeaders());
        assertThat(named.getMessage()).isEqualTo(byHand.getMessage());
    }

    @Test
    void theTypeIsTheBaseFollowedByTheSlug() {
        assertThat(new WidgetBusyException("w1").type()).hasToString(Problems.BASE + "widget-busy");
    }

    @Test
    void retryAfterIsSentAsAHeaderNotAProperty() {
        WidgetBusyException named = new WidgetBusyException("w1");

        assertThat(named.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(named.getBody().getProperties()).isEqualTo(Map.of("widget", "w1"));
    }

    @Test
    void aCauseIsKeptForTheLog() {
        IllegalStateException cause = new IllegalStateException("engine gone");

        ProblemException named = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "engine-gone", "Engine gone",
                "The engine went away.", cause) {
        };

        assertThat(named.getCause()).isSameAs(cause);
    }
}
