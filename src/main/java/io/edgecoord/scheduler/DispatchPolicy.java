package io.edgecoord.scheduler;

import java.util.List;

/**
 * Decides which queued calls start now. A pure function of the queue and the running count, so
 * that policies are tested case by case and swapped without touching the dispatcher.
 */
@FunctionalInterface
interface DispatchPolicy {

    /**
     * @param queue the waiting calls, oldest first
     * @param running how many calls run now
     * @return the calls to start now, each taken from {@code queue}
     */
    List<ScheduledCall> select(List<ScheduledCall> queue, int running);
}
