package io.edgecoord.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.web.Problems;

/** No applied bundle has this version (404). */
class DeploymentNotFoundException extends ErrorResponseException {

    DeploymentNotFoundException(int version) {
        super(HttpStatus.NOT_FOUND);
        setType(Problems.type("deployment-not-found"));
        setTitle("Deployment not found");
        setDetail("No bundle was applied as version " + version + ".");
    }
}
