package io.edgecoord.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach the database (gone, frozen, refusing connections) from other errors, and
 * answers it as a 503 {@code database-unavailable} problem with {@code Retry-After}: the request may
 * succeed once the database is back, so it is no {@code internal-error}.
 */
public final class DatabaseUnavailable {

    static final URI TYPE = Problems.type("database-unavailable");

    /** Seconds a client should wait: the pool's timeouts are a few seconds, a database restart longer. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** SQLSTATE class 08: connection exception (SQL standard; PostgreSQL's driver and H2 use it). */
    private static final String CONNECTION_EXCEPTION = "08";

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or any of its causes, says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || rollbackFailed(cause)
                    || (cause instanceof SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith(CONNECTION_EXCEPTION))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rollback that failed on the connection: it fails only when the connection is already
     * broken, and it replaces the statement's own failure (Spring logs that one and throws this),
     * whose pool wraps it in an SQLException without an SQLSTATE.
     */
    private static boolean rollbackFailed(Throwable failure) {
        return failure instanceof TransactionException && failure.getCause() instanceof SQLException;
    }

    static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Database unavailable",
                "The coordinator cannot reach its database; try again later.");
    }

    static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        return headers;
    }
}
