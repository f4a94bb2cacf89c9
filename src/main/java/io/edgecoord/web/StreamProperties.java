package io.edgecoord.web;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the server-sent event streams ({@code edgecoord.web.streams.*}): followed logs and the
 * dashboard's figures.
 *
 * @param max the most streams open at once; one more answers 503 {@code too-many-streams}
 * @param idleTimeout a stream with nothing to send for this long is closed (a client reconnects)
 * @param maxDuration a stream is closed after this long in any case
 * @param queue the most events waiting for a slow client; past it the stream is closed
 */
@Validated
@ConfigurationProperties("edgecoord.web.streams")
record StreamProperties(
        @DefaultValue("16") @Min(1) @Max(10000) int max,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("1h") Duration maxDuration,
        @DefaultValue("256") @Min(1) int queue) {
}
