package io.edgecoord.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request body is what its endpoint reads, never form parameters. edgecoord has no HTML forms,
 * and {@code curl -d} sends a task's JSON payload as {@code application/x-www-form-urlencoded}: if
 * anything asked the request for a parameter first (a mapping's {@code params} condition does, for
 * every request it is matched against), the servlet container would read the body as a form and
 * the endpoint would get nothing. Query parameters and multipart bodies are unaffected.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

    @Bean
    TomcatConnectorCustomizer bodiesAreNeverFormParameters() {
        return (connector) -> connector.setParseBodyMethods("");
    }
}
