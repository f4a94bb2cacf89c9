package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A version's secret variables cannot be opened: they were sealed under another secret key than
 * the coordinator's (500). Redeploying the task with its secrets seals them under the current key.
 */
public class SecretsUnreadableException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/secrets-unreadable");

    SecretsUnreadableException(String task, int version, Throwable cause) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, cause);
        setType(TYPE);
        setTitle("Secrets unreadable");
        setDetail("The secret variables of task " + task + " version " + version + " cannot be opened: they were "
                + "sealed under another secret key than the coordinator's (EDGECOORD_SECRET_KEY or "
                + "<data-dir>/secret.key). Restore that key, or redeploy the task with its secretEnvironment.");
    }
}
