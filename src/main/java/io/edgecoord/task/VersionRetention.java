package io.edgecoord.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One pruning round's decision: which stored versions go, and which code artifacts go with them.
 * A version goes when it is outside its task's newest {@code keepVersions} and is not in
 * {@code needed} (named by an alias, run by a live environment, wanted by a queued or running call);
 * its code goes only when no version that stays has the same sha256. A pure function.
 *
 * @param prune the versions to delete, by task and then version
 * @param orphanedCode the sha256 of every artifact that no remaining version uses, sorted
 */
record VersionRetention(List<StoredVersion> prune, Set<String> orphanedCode) {

    /**
     * A stored version and its code.
     *
     * @param task the task's name
     * @param version the version's number
     * @param sha256 its code artifact's sha256
     */
    record StoredVersion(String task, int version, String sha256) {

        TaskVersionsInUse.Version key() {
            return new TaskVersionsInUse.Version(this.task, this.version);
        }
    }

    static VersionRetention decide(List<StoredVersion> stored, int keepVersions,
            Set<TaskVersionsInUse.Version> needed) {
        Map<String, List<StoredVersion>> byTask = stored.stream()
            .collect(Collectors.groupingBy(StoredVersion::task));
        List<StoredVersion> prune = new ArrayList<>();
        byTask.keySet().stream().sorted().forEach((task) -> byTask.get(task)
            .stream()
            .sorted(Comparator.comparingInt(StoredVersion::version).reversed())
            .skip(keepVersions)
            .filter((version) -> !needed.contains(version.key()))
            .sorted(Comparator.comparingInt(StoredVersion::version))
            .forEach(prune::add));
        Set<StoredVersion> pruned = Set.copyOf(prune);
        Set<String> stillUsed = stored.stream()
            .filter((version) -> !pruned.contains(version))
            .map(StoredVersion::sha256)
            .collect(Collectors.toSet());
        Set<String> orphaned = new TreeSet<>();
        prune.stream().map(StoredVersion::sha256).filter((sha) -> !stillUsed.contains(sha)).forEach(orphaned::add);
        return new VersionRetention(List.copyOf(prune), orphaned);
    }
}
