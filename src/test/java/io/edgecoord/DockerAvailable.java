package io.edgecoord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that need a running Docker engine (at {@code DOCKER_HOST}, else
 * {@code unix:///var/run/docker.sock}). Without one they are skipped, except when the environment
 * variable {@code CI} is {@code true}: there a missing engine fails them, so a build server
 * without Docker cannot pass by skipping.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(DockerAvailableCondition.class)
public @interface DockerAvailable {
}
