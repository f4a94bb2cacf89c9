package io.edgecoord.deployment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of configuration bundles ({@code edgecoord.deployment.*}).
 *
 * @param codeHosts the hosts (or {@code host:port}) a bundle's code URLs may name; none by default, so
 *     a bundle cannot make the coordinator fetch from anywhere the operator did not allow
 * @param codeTimeout how long one code download may take
 * @param maxCodeBytes the largest code artifact fetched by URL
 * @param agent the deployment agent, which pulls the desired bundle from a source
 */
@ConfigurationProperties("edgecoord.deployment")
record DeploymentProperties(@DefaultValue List<String> codeHosts, @DefaultValue("30s") Duration codeTimeout,
        @DefaultValue("52428800") long maxCodeBytes, @DefaultValue Agent agent) {

    /**
     * The deployment agent ({@code edgecoord.deployment.agent.*}), off by default.
     *
     * @param enabled whether it polls
     * @param source an http(s) URL of the bundle (its signature at the same URL plus {@code .sig}), or a
     *     directory holding {@code bundle.yaml} and {@code bundle.yaml.sig}
     * @param bearerToken sent as {@code Authorization: Bearer} to an http(s) source, if set
     * @param publicKey the PEM file of the operator's Ed25519 or ECDSA P-256 public key; bundles signed
     *     otherwise are refused
     * @param interval time between polls
     * @param jitter the largest share of the interval added or taken at random, 0..1
     * @param healthPeriod how long readiness is watched after an apply before the bundle counts as good
     * @param failureThreshold the share of failed calls of the tasks a bundle changed, during the health
     *     period, above which it is rolled back
     * @param minInvocations the fewest calls of those tasks before their failures count
     * @param reportUrl where each attempt's status document is POSTed, if set
     */
    record Agent(@DefaultValue("false") boolean enabled, String source, String bearerToken, String publicKey,
            @DefaultValue("60s") Duration interval, @DefaultValue("0.2") double jitter,
            @DefaultValue("30s") Duration healthPeriod, @DefaultValue("0.5") double failureThreshold,
            @DefaultValue("1") int minInvocations, String reportUrl) {
    }
}
