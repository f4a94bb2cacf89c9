package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import could not carry over, per item with the reason, and what it carried over
 * differently; nothing of a group is dropped without a line here. Filled while mapping, then read.
 */
final class GreengrassReport {

    private final List<Item> unmapped = new ArrayList<>();

    private final List<Item> approximated = new ArrayList<>();

    /**
     * One item of the group and why.
     *
     * @param item a path into the group, such as {@code connectors[0] (arn:...)}
     * @param reason what edgecoord does instead, or why it cannot
     */
    record Item(String item, String reason) {
    }

    void unmapped(String item, String reason) {
        this.unmapped.add(new Item(item, reason));
    }

    void approximated(String item, String reason) {
        this.approximated.add(new Item(item, reason));
    }

    List<Item> unmapped() {
        return List.copyOf(this.unmapped);
    }

    List<Item> approximated() {
        return List.copyOf(this.approximated);
    }
}
