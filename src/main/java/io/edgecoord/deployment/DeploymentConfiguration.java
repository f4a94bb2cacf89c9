package io.edgecoord.deployment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the deployment settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeploymentProperties.class)
class DeploymentConfiguration {
}
