package io.edgecoord.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;

import io.edgecoord.persistence.AfterCommit;

/** {@link KeyBundles} over the key table, checked by the rules of {@link CreateKeyRequest}. */
@Service
class BundledKeys implements KeyBundles {

    private final ApiKeyRepository repository;
    private final KeyRing ring;
    private final Validator validator;

    BundledKeys(ApiKeyRepository repository, KeyRing ring, Validator validator) {
        this.repository = repository;
        this.ring = ring;
        this.validator = validator;
    }

    @Override
    public boolean limit(String keyId, List<String> tasks, KeyTopics topics) {
        ApiKey key = this.repository.findById(keyId).filter((k) -> !k.revoked())
            .orElseThrow(() -> new KeyNotFoundException(keyId));
        // The same rules as a new key's: the request's fields carry the patterns' constraints.
        CreateKeyRequest asCreated = new CreateKeyRequest(key.name(), List.of("read"), tasks,
                (topics == null) ? null : new CreateKeyRequest.Topics(topics.publish(), topics.subscribe()), null);
        Set<ConstraintViolation<CreateKeyRequest>> violations = this.validator.validate(asCreated);
        if (!violations.isEmpty()) {
            throw new InvalidKeyLimitsException(violations.stream()
                .map((v) -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
        }
        List<String> nextTasks = (tasks != null) ? List.copyOf(tasks) : key.taskPatterns();
        KeyTopics nextTopics = (topics != null) ? topics : key.topics();
        if (nextTasks.equals(key.taskPatterns()) && nextTopics.equals(key.topics())) {
            return false;
        }
        key.limit(nextTasks, nextTopics);
        AfterCommit.run(this.ring::reload);
        return true;
    }
}
