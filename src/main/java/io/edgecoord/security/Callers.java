package io.edgecoord.security;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;

import io.edgecoord.web.ProblemException;

/**
 * The key of the request being served, for the checks a path cannot express: a task named in a
 * body, an invocation's task. Outside a request (start-up, routing, tests) nothing is refused.
 */
public final class Callers {

    private Callers() {
    }

    /** The calling key, if a request with one is being served on this thread. */
    public static Optional<CallerKey> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return (authentication instanceof KeyAuthentication key) ? Optional.of(key.getPrincipal()) : Optional.empty();
    }

    /** Refuses with 403 unless the calling key may touch task {@code name}. */
    public static void checkTask(String name) {
        current().filter(key -> !key.mayUseTask(name)).ifPresent(key -> {
            throw new ForbiddenException("Key " + key.id() + " may not use task " + name + "; it is limited to "
                    + key.taskPatterns() + ".");
        });
    }

    /**
     * Refuses with 403 a listing of {@code what} that a key limited to task patterns makes without
     * naming one of its tasks ({@code task} is the listing's task filter, or {@code null}).
     */
    public static void checkTaskFilter(String task, String what) {
        current().filter(key -> !key.taskPatterns().isEmpty()).ifPresent(key -> {
            if (task == null) {
                throw new ForbiddenException("Key " + key.id() + " is limited to tasks " + key.taskPatterns()
                        + ": list the " + what + " of one of them with ?task=.");
            }
            checkTask(task);
        });
    }

    /** Refuses with 403 unless the calling key has {@code scope}. */
    public static void checkScope(Scope scope, String what) {
        current().filter(key -> !key.has(scope)).ifPresent(key -> {
            throw new ForbiddenException("Key " + key.id() + " lacks the scope \"" + scope.id() + "\", which " + what
                    + " needs.");
        });
    }

    /** A request its key may not make. */
    public static final class ForbiddenException extends ProblemException {

        ForbiddenException(String detail) {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
        }
    }
}
