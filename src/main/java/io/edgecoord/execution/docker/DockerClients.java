package io.edgecoord.execution.docker;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

/**
 * Two connections to one engine. {@code requests} is for calls that answer promptly and has a
 * response timeout; {@code streams} has none, for calls that run as long as a container or a
 * build does (each environment holds one output stream open for its whole life).
 *
 * @param requests the client for prompt calls (create, start, inspect, kill, remove, version)
 * @param streams the client for long-lived calls (image builds)
 * @param streamsHttp the raw HTTP client under {@code streams}, for following output
 */
record DockerClients(DockerClient requests, DockerClient streams, DockerHttpClient streamsHttp)
        implements AutoCloseable {

    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    static final int MAX_REQUEST_CONNECTIONS = 50;

    static final int MAX_STREAM_CONNECTIONS = 200;

    /** Opens connection pools to the engine at {@code host}; nothing is sent until first use. */
    static DockerClients connect(String host) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        DockerHttpClient requestsHttp = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                .maxConnections(MAX_REQUEST_CONNECTIONS)
                .connectionTimeout(CONNECTION_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
        DockerHttpClient streamsHttp = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                .maxConnections(MAX_STREAM_CONNECTIONS)
                .connectionTimeout(CONNECTION_TIMEOUT)
                .build();
        return new DockerClients(DockerClientImpl.getInstance(config, requestsHttp),
                DockerClientImpl.getInstance(config, streamsHttp), streamsHttp);
    }

    @Override
    public void close() throws IOException {
        try (requests; streams) {
            // both closed, even if one fails
        }
    }
}
