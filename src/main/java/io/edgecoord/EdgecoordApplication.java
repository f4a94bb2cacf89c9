package io.edgecoord;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The edge coordinator: deploys tasks and runs their invocations in isolated environments. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgecoordApplication {

    public static void main(String[] args) {
        SpringApplication.run(EdgecoordApplication.class, args);
    }
}
