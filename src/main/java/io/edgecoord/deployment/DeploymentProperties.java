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
 */
@ConfigurationProperties("edgecoord.deployment")
record DeploymentProperties(@DefaultValue List<String> codeHosts, @DefaultValue("30s") Duration codeTimeout,
        @DefaultValue("52428800") long maxCodeBytes) {
}
