package io.edgecoord.deployment;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** No applied bundle has this version (404). */
class DeploymentNotFoundException extends ProblemException {

    DeploymentNotFoundException(int version) {
        super(HttpStatus.NOT_FOUND, "deployment-not-found", "Deployment not found", "No bundle was applied as version " + version + ".");
    }
}
