package io.edgecoord.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys and deletes tasks on behalf of a configuration bundle, inside the caller's transaction:
 * when the caller rolls back, no version recorded here stays. Each change still publishes
 * {@link TaskChanged}, so runtime effects (prewarm, pinned restarts) follow the caller's commit only.
 */
public interface TaskBundles {

    /**
     * Deploys one definition, the JSON body of {@code POST /api/v1/tasks} as a map (code inline or
     * {@code zipBase64}).
     *
     * @return whether a new version was recorded ({@code false}: the latest is identical)
     * @throws org.springframework.web.ErrorResponseException the task module's problem naming what is wrong
     */
    boolean deploy(Map<String, Object> definition);

    /**
     * The code artifact stored under this sha256 by an earlier deploy (the {@code codeSha256} of a
     * version), for a bundle that names code by its digest alone; empty when none is stored.
     */
    Optional<byte[]> storedCode(String sha256);

    /**
     * Stores a code artifact (a zip) so that a bundle can name it by its sha256 alone, as code an
     * earlier deploy stored; storing the same bytes twice keeps one.
     *
     * @return its sha256, lowercase hex
     */
    String storeCode(byte[] zip);

    /** The names of every task, sorted. */
    List<String> names();

    /** Deletes a task and its versions. */
    void delete(String name);
}
