package io.edgecoord;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT begin a graceful shutdown (the drain, within its grace); the same signal
 * again stops the process at once. The JVM alone would ignore the second one until the drain
 * ended. What a halt leaves (environments, runtime processes) the next start removes.
 */
final class ShutdownSignals {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);

    private static final AtomicBoolean stopping = new AtomicBoolean();

    private ShutdownSignals() {
    }

    /** Installs the handlers; call once, from {@code main}. */
    static void install() {
        for (String name : new String[] { "TERM", "INT" }) {
            Signal signal = new Signal(name);
            Signal.handle(signal, received -> {
                if (stopping.compareAndSet(false, true)) {
                    log.info("SIG{}: shutting down gracefully; SIG{} again stops at once", name, name);
                    // exit() runs the shutdown hooks (the drain) and must not run on the signal's thread.
                    Thread.ofPlatform().name("edgecoord-shutdown").start(() -> System.exit(128 + received.getNumber()));
                }
                else {
                    log.warn("SIG{} again: stopping at once", name);
                    Runtime.getRuntime().halt(128 + received.getNumber());
                }
            });
        }
    }
}
