package io.edgecoord.task;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The runtimes a task can run on, each named by its stable id ({@code python3.11}). */
public enum TaskRuntime {

    PYTHON_3_11("python3.11"),
    JAVA_17("java17"),
    PROVIDED("provided");

    private final String id;

    TaskRuntime(String id) {
        this.id = id;
    }

    /** The id used in the API and stored in the database. */
    public String id() {
        return this.id;
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
