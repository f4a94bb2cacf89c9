package io.edgecoord.security;

import java.util.Locale;

/** What a key may do. {@link #ADMIN} may do everything; each of the others owns its part of the API. */
public enum Scope {

    /** Keys, coordinator settings, tasks that run without a container; implies every other scope. */
    ADMIN,
    /** Tasks, device profiles, devices, subscriptions: create, change, delete. */
    DEPLOY,
    /** Invoke tasks; cancel and replay invocations; read invocations and their logs. */
    INVOKE,
    /** Every read ({@code GET}), Prometheus and health details. */
    READ;

    /** The scope as the API spells it: {@code admin}, {@code deploy}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope named {@code id}, or {@code null}. */
    static Scope of(String id) {
        for (Scope scope : values()) {
            if (scope.id().equals(id)) {
                return scope;
            }
        }
        return null;
    }
}
