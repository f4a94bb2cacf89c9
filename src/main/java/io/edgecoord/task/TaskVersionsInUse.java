package io.edgecoord.task;

import java.util.Set;

/**
 * Versions of tasks that another module still needs, which version retention must keep: offered by
 * the modules that run tasks (live environments, queued and running calls), so that the task
 * module decides what to prune without knowing how tasks run.
 * <p>
 * Called from retention's own thread, a few times a round; an answer must be cheap (one query or a
 * look at memory) and current when it is given.
 */
public interface TaskVersionsInUse {

    /** The task versions in use now. */
    Set<Version> versionsInUse();

    /**
     * One version of one task.
     *
     * @param task the task's name
     * @param version the version's number
     */
    record Version(String task, int version) {
    }
}
