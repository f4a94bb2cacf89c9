package io.edgecoord.device.network;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import io.edgecoord.web.CoordinatorPorts;

/**
 * The ports of this coordinator's web servers, as each starts: the API's, and the management
 * server's when it has its own. Known only once bound, since {@code server.port=0} picks one.
 */
@Component
class ServerPorts implements CoordinatorPorts, ApplicationListener<WebServerInitializedEvent> {

    private final Set<Integer> ports = ConcurrentHashMap.newKeySet();

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        this.ports.add(event.getWebServer().getPort());
    }

    @Override
    public Set<Integer> ports() {
        return Collections.unmodifiableSet(this.ports);
    }
}
