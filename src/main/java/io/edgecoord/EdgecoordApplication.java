package io.edgecoord;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** The edge coordinator: deploys tasks and runs their invocations in isolated environments. */
// API keys are the only users (io.edgecoord.security): no generated password, no in-memory user.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class EdgecoordApplication {

    public static void main(String[] args) {
        ShutdownSignals.install();
        SpringApplication.run(EdgecoordApplication.class, args);
    }
}
