package io.edgecoord.runtime;

/**
 * The coordinator's services as a task sees them from inside its environment: requests to
 * {@code /edgecoord/v1/...} on the environment's own Runtime API endpoint are handed here, named
 * by the environment they came from. Implemented by the modules that own those services, so that
 * this module depends on none of them.
 *
 * <p>Called on the Runtime API's virtual threads; implementations may block.
 */
public interface EnvironmentServices {

    /** The path prefix of these services on every Runtime API endpoint. */
    String PREFIX = "/edgecoord/v1/";

    /** Serves one request; never throws for the caller's mistakes, which are replies. */
    Reply handle(Request request);

    /**
     * One request from inside an environment.
     *
     * @param environmentId the environment it came from: its identity, which it cannot forge
     * @param method the HTTP method
     * @param path the path after {@link #PREFIX}, such as {@code shadows/thermostat-1}
     * @param body the request body, cut at the Runtime API's size limit
     * @param query the raw query string, or null when there is none
     */
    record Request(String environmentId, String method, String path, byte[] body, String query) {

        /** A request without a query string. */
        public Request(String environmentId, String method, String path, byte[] body) {
            this(environmentId, method, path, body, null);
        }
    }

    /** The answer: a status, and a JSON body (a problem document for errors). */
    record Reply(int status, String contentType, byte[] body) {
    }
}
