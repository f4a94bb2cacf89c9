package io.edgecoord.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which scopes a request needs, from its method and path alone: a pure function, so every route's
 * rule can be read and tested in one place. Reads ({@code GET}, {@code HEAD}) need {@code read} or
 * the scope that owns what is read; changes need the owning scope; whatever is not named here is
 * {@code read} to read and {@code admin} to change. {@code admin} satisfies every rule.
 */
final class AccessPolicy {

    private static final String API = "/api/v1/";
    private static final String LAMBDA = "/2015-03-31/functions/";
    private static final String CONCURRENCY = "/2017-10-31/functions/";

    private AccessPolicy() {
    }

    /**
     * What a request needs.
     *
     * @param anyOf the scopes any one of which will do
     * @param task the task the path names, or {@code null}; a key limited to task patterns must match it
     */
    record Requirement(Set<Scope> anyOf, String task) {

        Requirement {
            anyOf = Set.copyOf(anyOf);
        }

        /** A readable list for a refusal: {@code "deploy" or "read"}. */
        String describe() {
            return String.join(" or ", anyOf.stream().map(s -> '"' + s.id() + '"').sorted().toList());
        }
    }

    static Requirement of(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith(API)) {
            String[] segments = path.substring(API.length()).split("/", -1);
            // tasks/{name}:{qualifier}/invoke names the task before the colon.
            String task = (segments[0].equals("tasks") && segments.length > 1 && !segments[1].isEmpty())
                    ? LambdaNames.functionName(segments[1]) : null;
            return switch (segments[0]) {
                case "keys" -> need(null, Scope.ADMIN);
                // A bundle changes tasks, devices, routes and keys' permissions at once: admin only.
                case "deployments" -> read ? need(null, Scope.READ) : need(null, Scope.ADMIN);
                case "me" -> read ? need(null, Scope.READ, Scope.DEPLOY, Scope.INVOKE) // any key reads itself
                        : need(null, Scope.ADMIN);
                case "tasks" -> (!read && segments.length == 3 && segments[2].equals("invoke"))
                        ? need(task, Scope.INVOKE)
                        : read ? need(task, Scope.READ, Scope.DEPLOY) : need(task, Scope.DEPLOY);
                case "invocations" -> read ? need(null, Scope.READ, Scope.INVOKE) : need(null, Scope.INVOKE);
                case "device-profiles", "devices", "subscriptions" ->
                        read ? need(null, Scope.READ, Scope.DEPLOY) : need(null, Scope.DEPLOY);
                default -> read ? need(null, Scope.READ) : need(null, Scope.ADMIN);
            };
        }
        if (path.equals("/2015-03-31/functions") || path.equals(LAMBDA)) { // CreateFunction, ListFunctions
            return read ? need(null, Scope.READ, Scope.DEPLOY) : need(null, Scope.DEPLOY);
        }
        if (path.startsWith(CONCURRENCY)) {
            String function = LambdaNames.functionName(path.substring(CONCURRENCY.length()).split("/", -1)[0]);
            return read ? need(function, Scope.READ, Scope.DEPLOY) : need(function, Scope.DEPLOY);
        }
        if (path.startsWith(LAMBDA)) {
            String[] segments = path.substring(LAMBDA.length()).split("/", -1);
            String function = LambdaNames.functionName(segments[0]);
            if (!read && segments.length == 2 && segments[1].equals("invocations")) {
                return need(function, Scope.INVOKE);
            }
            return read ? need(function, Scope.READ, Scope.DEPLOY) : need(function, Scope.DEPLOY);
        }
        return read ? need(null, Scope.READ) : need(null, Scope.ADMIN);
    }

    private static Requirement need(String task, Scope first, Scope... more) {
        return new Requirement(EnumSet.of(first, more), task);
    }
}
