package io.edgecoord.execution;

/**
 * Hears of every change of the pool that may let a queued call run: see
 * {@link ResourceManager#addListener}.
 */
@FunctionalInterface
public interface PoolListener {

    /** Called on the thread that changed the pool; quick, and never calling back into it. */
    void poolChanged(PoolChanged event);
}
