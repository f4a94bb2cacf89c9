package io.edgecoord.storage;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/**
 * The data dir is past its critical watermark: new work is refused (503 with {@code Retry-After})
 * until space returns; nothing of the request was kept, and nothing accepted before is lost.
 */
public class DiskFullException extends ProblemException {

    /** Seconds a client should wait: a sample is taken every few seconds, space returns slower. */
    static final int RETRY_AFTER_SECONDS = 30;

    DiskFullException(String forWhat, String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "disk-full", "Disk full",
                "The coordinator refuses " + forWhat + " until disk space returns: " + reason + ".");
        retryAfter(RETRY_AFTER_SECONDS);
    }
}
