package io.edgecoord.storage;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The data dir is past its critical watermark: new work is refused (503 with {@code Retry-After})
 * until space returns; nothing of the request was kept, and nothing accepted before is lost.
 */
public class DiskFullException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/disk-full");

    /** Seconds a client should wait: a sample is taken every few seconds, space returns slower. */
    static final int RETRY_AFTER_SECONDS = 30;

    DiskFullException(String forWhat, String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE);
        setType(TYPE);
        setTitle("Disk full");
        setDetail("The coordinator refuses " + forWhat + " until disk space returns: " + reason + ".");
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }
}
