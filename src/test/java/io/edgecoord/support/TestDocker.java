package io.edgecoord.support;

import java.net.URI;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import io.edgecoord.DockerAvailableCondition;

/** A Docker client of the tests' own, to look at what the coordinator did from the engine's side. */
public final class TestDocker {

    private TestDocker() {
    }

    public static DockerClient client() {
        String host = DockerAvailableCondition.dockerHost();
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).build();
        return DockerClientImpl.getInstance(config,
                new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).build());
    }
}
