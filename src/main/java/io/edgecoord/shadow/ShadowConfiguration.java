package io.edgecoord.shadow;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the shadow module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShadowProperties.class)
class ShadowConfiguration {
}
