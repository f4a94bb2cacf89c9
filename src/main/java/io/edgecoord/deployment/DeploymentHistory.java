package io.edgecoord.deployment;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads the history of applied bundles. */
@Service
class DeploymentHistory {

    private final DeploymentRepository repository;

    private final JsonMapper json;

    DeploymentHistory(DeploymentRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Transactional(readOnly = true)
    List<DeploymentResponse> list() {
        return this.repository.findAllByOrderByVersionDesc().stream().map(this::response).toList();
    }

    @Transactional(readOnly = true)
    Detail get(int version) {
        DeploymentRecord found = this.repository.findById(version)
            .orElseThrow(() -> new DeploymentNotFoundException(version));
        return new Detail(response(found), found.document());
    }

    /** The newest applied version, if any. */
    @Transactional(readOnly = true)
    java.util.Optional<Integer> latest() {
        return this.repository.findTopByOrderByVersionDesc().map(DeploymentRecord::version);
    }

    private DeploymentResponse response(DeploymentRecord found) {
        return DeploymentResponse.of(found, this.json.readValue(found.diffJson(), Diff.class));
    }

    /**
     * One applied bundle with its document.
     *
     * @param deployment the history entry
     * @param document the bundle as it was applied
     */
    record Detail(DeploymentResponse deployment, String document) {
    }
}
