package io.edgecoord.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.edgecoord.task.TaskVersionsInUse.Version;
import io.edgecoord.task.VersionRetention.StoredVersion;

class VersionRetentionTests {

    @Test
    void keepsTheNewestVersionsOfEachTaskAndPrunesTheRestOldestFirst() {
        List<StoredVersion> stored = new ArrayList<>(versions("a", 15));
        stored.addAll(versions("b", 3));

        VersionRetention plan = VersionRetention.decide(stored, 10, Set.of());

        assertThat(plan.prune()).extracting(StoredVersion::task, StoredVersion::version)
            .containsExactly(tuple("a", 1), tuple("a", 2), tuple("a", 3), tuple("a", 4), tuple("a", 5));
        assertThat(plan.orphanedCode()).containsExactly(sha("a", 1), sha("a", 2), sha("a", 3), sha("a", 4),
                sha("a", 5));
    }

    @Test
    void keepsAVersionThatSomethingNeedsHoweverOld() {
        VersionRetention plan = VersionRetention.decide(versions("a", 15), 10,
                Set.of(new Version("a", 2), new Version("a", 4), new Version("other", 1)));

        assertThat(plan.prune()).extracting(StoredVersion::version).containsExactly(1, 3, 5);
    }

    @Test
    void keepsCodeThatAVersionThatStaysShares() {
        List<StoredVersion> stored = List.of(new StoredVersion("a", 1, "same"), new StoredVersion("a", 2, "old"),
                new StoredVersion("a", 3, "same"), new StoredVersion("b", 1, "old2"), new StoredVersion("b", 2, "old2"),
                new StoredVersion("b", 3, "new"));

        VersionRetention plan = VersionRetention.decide(stored, 1, Set.of());

        assertThat(plan.prune()).extracting(StoredVersion::task, StoredVersion::version)
            .containsExactly(tuple("a", 1), tuple("a", 2), tuple("b", 1), tuple("b", 2));
        assertThat(plan.orphanedCode()).containsExactly("old", "old2");
    }

    @Test
    void prunesNothingWhileEveryTaskHasNoMoreThanItKeeps() {
        VersionRetention plan = VersionRetention.decide(versions("a", 10), 10, Set.of());

        assertThat(plan.prune()).isEmpty();
        assertThat(plan.orphanedCode()).isEmpty();
    }

    @Test
    void keepsTheNewestStoredVersionsWhenOlderOnesWereAlreadyPruned() {
        List<StoredVersion> stored = List.of(new StoredVersion("a", 2, sha("a", 2)),
                new StoredVersion("a", 7, sha("a", 7)), new StoredVersion("a", 8, sha("a", 8)),
                new StoredVersion("a", 9, sha("a", 9)));

        VersionRetention plan = VersionRetention.decide(stored, 2, Set.of(new Version("a", 2)));

        assertThat(plan.prune()).extracting(StoredVersion::version).containsExactly(7);
    }

    private static List<StoredVersion> versions(String task, int count) {
        return IntStream.rangeClosed(1, count).mapToObj((v) -> new StoredVersion(task, v, sha(task, v))).toList();
    }

    private static String sha(String task, int version) {
        return task + "-" + version;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
