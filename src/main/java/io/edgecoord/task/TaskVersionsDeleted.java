package io.edgecoord.task;

import java.util.List;

/**
 * A task was deleted with all its versions, inside the deleting transaction: once it commits,
 * version retention deletes their code as it does a pruned version's.
 *
 * @param versions the versions deleted, with their code's sha256
 */
record TaskVersionsDeleted(List<VersionRetention.StoredVersion> versions) {
}
