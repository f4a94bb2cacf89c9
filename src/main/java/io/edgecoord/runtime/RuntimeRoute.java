package io.edgecoord.runtime;

/** Which Runtime API operation a request's method and path name. */
sealed interface RuntimeRoute {

    String PREFIX = "/2018-06-01/runtime/";

    /** {@code GET /invocation/next}. */
    record Next() implements RuntimeRoute {
    }

    /** {@code POST /invocation/{id}/response}. */
    record Response(String requestId) implements RuntimeRoute {
    }

    /** {@code POST /invocation/{id}/error}. */
    record Error(String requestId) implements RuntimeRoute {
    }

    /** {@code POST /init/error}. */
    record InitError() implements RuntimeRoute {
    }

    /** A Runtime API path with the wrong method. */
    record MethodNotAllowed(String allowed) implements RuntimeRoute {
    }

    /** A call of the coordinator's services ({@code /edgecoord/v1/...}), any method. */
    record Services(String path) implements RuntimeRoute {
    }

    /** Not a Runtime API path. */
    record NotFound() implements RuntimeRoute {
    }

    static RuntimeRoute of(String method, String path) {
        if (path != null && path.startsWith(EnvironmentServices.PREFIX)) {
            return new Services(path.substring(EnvironmentServices.PREFIX.length()));
        }
        if (path == null || !path.startsWith(PREFIX)) {
            return new NotFound();
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        if (segments.length == 2 && segments[0].equals("invocation") && segments[1].equals("next")) {
            return method.equals("GET") ? new Next() : new MethodNotAllowed("GET");
        }
        if (segments.length == 2 && segments[0].equals("init") && segments[1].equals("error")) {
            return method.equals("POST") ? new InitError() : new MethodNotAllowed("POST");
        }
        if (segments.length == 3 && segments[0].equals("invocation") && !segments[1].isEmpty()) {
            RuntimeRoute route = switch (segments[2]) {
                case "response" -> new Response(segments[1]);
                case "error" -> new Error(segments[1]);
                default -> new NotFound();
            };
            return route instanceof NotFound || method.equals("POST") ? route : new MethodNotAllowed("POST");
        }
        return new NotFound();
    }
}
