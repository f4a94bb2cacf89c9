package io.edgecoord.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dashboard's figures ({@code edgecoord.dashboard.*}).
 *
 * @param sampleInterval how often the meters are sampled for the charts (at least 1 s)
 * @param history how far back the charts reach; samples older than that are dropped
 */
@Validated
@ConfigurationProperties("edgecoord.dashboard")
record DashboardProperties(
        @DefaultValue("5s") Duration sampleInterval,
        @DefaultValue("1h") Duration history) {

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
