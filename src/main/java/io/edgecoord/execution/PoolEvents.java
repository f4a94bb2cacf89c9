package io.edgecoord.execution;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pool's listeners, in the order they were added. A listener that throws is logged and does
 * not keep the others from hearing.
 */
@Component
class PoolEvents {

    private static final Logger log = LoggerFactory.getLogger(PoolEvents.class);

    /** Copy on write: listeners are added at start-up and the list is read on every change. */
    private final List<PoolListener> listeners = new CopyOnWriteArrayList<>();

    void add(PoolListener listener) {
        listeners.add(listener);
    }

    void publish(PoolChanged.Cause cause, String poolKey) {
        PoolChanged event = new PoolChanged(cause, poolKey);
        for (PoolListener listener : listeners) {
            try {
                listener.poolChanged(event);
            }
            catch (RuntimeException ex) {
                log.warn("A pool listener failed on {}", event, ex);
            }
        }
    }
}
