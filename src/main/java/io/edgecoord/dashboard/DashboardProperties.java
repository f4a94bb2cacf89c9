package io.edgecoord.dashboard;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dashboard's figures and streams ({@code edgecoord.dashboard.*}).
 *
 * @param sampleInterval how often the meters are sampled for the charts (at least 1 s)
 * @param history how far back the charts reach; samples older than that are dropped
 * @param maxStreams the most server-sent event streams open at once (metrics and followed logs);
 *     one more answers 503 {@code too-many-streams}
 * @param streamIdleTimeout a stream with nothing new to send for this long is closed (a browser reconnects)
 */
@Validated
@ConfigurationProperties("edgecoord.dashboard")
record DashboardProperties(
        @DefaultValue("5s") Duration sampleInterval,
        @DefaultValue("1h") Duration history,
        @DefaultValue("16") @Min(1) @Max(1000) int maxStreams,
        @DefaultValue("5m") Duration streamIdleTimeout) {

    DashboardProperties {
        if (sampleInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("edgecoord.dashboard.sample-interval must be at least 1s, was "
                    + sampleInterval);
        }
    }

    /** How many samples the history keeps. */
    int samplesKept() {
        return (int) Math.max(1, history.toMillis() / sampleInterval.toMillis());
    }
}
