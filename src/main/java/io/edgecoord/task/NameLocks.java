package io.edgecoord.task;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises deploys of the same task name within this process, with a fixed set of striped locks
 * so memory stays bounded however many names there are. Across processes, the database's unique
 * constraints are the guard. {@link ReentrantLock} rather than {@code synchronized}, so virtual
 * threads are not pinned.
 */
class NameLocks {

    private final ReentrantLock[] locks = new ReentrantLock[64];

    NameLocks() {
        for (int i = 0; i < this.locks.length; i++) {
            this.locks[i] = new ReentrantLock();
        }
    }

    <T> T withLock(String name, Supplier<T> action) {
        ReentrantLock lock = this.locks[Math.floorMod(name.hashCode(), this.locks.length)];
        lock.lock();
        try {
            return action.get();
        }
        finally {
            lock.unlock();
        }
    }
}
