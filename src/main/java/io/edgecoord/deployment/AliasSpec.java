package io.edgecoord.deployment;

/**
 * An alias as a bundle names it.
 *
 * @param task the task's name
 * @param name the alias's name
 * @param version a version number, or {@value #LATEST}: the task's latest once the bundle is applied
 * @param additionalVersion a canary's version, or {@code null}
 * @param additionalWeight the canary's share of calls, 0..1, or {@code null}
 */
record AliasSpec(String task, String name, String version, Integer additionalVersion, Double additionalWeight) {

    static final String LATEST = "latest";

    /** How a diff names it. */
    String describe() {
        return this.task + ":" + this.name;
    }
}
