package io.edgecoord.task;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The runtimes a task can run on, each named by its stable id ({@code python3.11}). */
public enum TaskRuntime {

    PYTHON_3_11("python3.11"),
    JAVA_17("java17"),
    PROVIDED("provided"),
    NODEJS_18("nodejs18.x");

    private final String id;

    TaskRuntime(String id) {
        this.id = id;
    }

    /** The id used in the API and stored in the database. */
    public String id() {
        return this.id;
    }

    /**
     * Whether the runtime can run as a plain child process (isolation {@code none}): python3.11
     * and provided can; java17 needs its runtime image's Java and Lambda client, nodejs18.x its
     * image's Node.js 18 and bootstrap. Keep in step with the process backend's {@code ProcessPlan}.
     */
    boolean runsWithoutContainer() {
        return switch (this) {
            case PYTHON_3_11, PROVIDED -> true;
            case JAVA_17, NODEJS_18 -> false;
        };
    }

    /** The runtime with this id, if there is one. */
    public static Optional<TaskRuntime> fromId(String id) {
        return Arrays.stream(values()).filter((runtime) -> runtime.id.equals(id)).findFirst();
    }

    /** All valid ids, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(TaskRuntime::id).toList();
    }
}
