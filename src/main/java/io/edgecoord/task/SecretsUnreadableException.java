package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;
import io.edgecoord.web.Problems;

/**
 * A version's secret variables cannot be opened: they were sealed under another secret key than
 * the coordinator's (500). Redeploying the task with its secrets seals them under the current key.
 */
public class SecretsUnreadableException extends ProblemException {

    private static final String SLUG = "secrets-unreadable";

    static final URI TYPE = Problems.type(SLUG);

    SecretsUnreadableException(String task, int version, Throwable cause) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, SLUG, "Secrets unreadable", "The secret variables of task " + task + " version " + version + " cannot be opened: they were "
                + "sealed under another secret key than the coordinator's (EDGECOORD_SECRET_KEY or "
                + "<data-dir>/secret.key). Restore that key, or redeploy the task with its secretEnvironment.", cause);
    }
}
