package io.edgecoord.invocation.lifecycle;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;


/** The output of invocations whose output is still open, readable before it is stored. */
@Component
public class LiveLogs {

    private final Map<String, LogBuffer> open = new ConcurrentHashMap<>();
    private final long maxBytes;

    LiveLogs(InvocationProperties properties) {
        this.maxBytes = properties.maxLogSize().toBytes();
    }

    LogBuffer open(String invocationId) {
        return open.computeIfAbsent(invocationId, id -> new LogBuffer(maxBytes));
    }

    public Optional<LogBuffer> find(String invocationId) {
        return Optional.ofNullable(open.get(invocationId));
    }

    Optional<LogBuffer> close(String invocationId) {
        LogBuffer buffer = open.remove(invocationId);
        if (buffer != null) {
            buffer.end(); // wakes whoever follows it
        }
        return Optional.ofNullable(buffer);
    }
}
