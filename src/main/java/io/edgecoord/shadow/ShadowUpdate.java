package io.edgecoord.shadow;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.shadow.UpdateRequest.SectionChange;

/** The update decision: AWS's version check, merge, desired policy and size limit, as one pure function. */
final class ShadowUpdate {

    private ShadowUpdate() {
    }

    /**
     * Applies a request to the current document.
     *
     * @param current the current document ({@link ShadowDocument#empty} when there is none)
     * @param request the checked request
     * @param expectedVersion the version from {@code If-Match}, or null
     * @param rules the limits and the desired policy
     * @param now when the update is accepted
     * @return the change, with the new document at {@code current.version() + 1}
     * @throws ShadowVersionConflictException when the request or {@code If-Match} names another version
     * @throws ShadowTooLargeException when the resulting state is over the limit
     */
    static ShadowChange apply(ShadowDocument current, UpdateRequest request, Long expectedVersion,
            ShadowProperties rules, Instant now) {
        try {
            checkVersion(request.version(), current.version());
            checkVersion(expectedVersion, current.version());
            long timestamp = now.getEpochSecond();
            ObjectNode desired = current.desired().deepCopy();
            ObjectNode desiredMetadata = current.desiredMetadata().deepCopy();
            ObjectNode reported = current.reported().deepCopy();
            ObjectNode reportedMetadata = current.reportedMetadata().deepCopy();
            change(desired, desiredMetadata, request.desired(), timestamp);
            change(reported, reportedMetadata, request.reported(), timestamp);
            if (rules.desiredPolicy() == DesiredPolicy.CLEAR_ON_CONVERGE) {
                StateTrees.clearConverged(desired, desiredMetadata, reported);
            }
            ShadowDocument next = new ShadowDocument(desired, reported, desiredMetadata, reportedMetadata,
                    current.version() + 1, now);
            int bytes = next.stateBytes();
            if (bytes > rules.maxStateBytes()) {
                throw new ShadowTooLargeException(bytes, rules.maxStateBytes());
            }
            return new ShadowChange(current, next, request.touchesDesired(), request.clientToken());
        }
        catch (ShadowException ex) {
            throw ex.clientToken(request.clientToken());
        }
    }

    private static void checkVersion(Long expected, long current) {
        if (expected != null && expected != current) {
            throw new ShadowVersionConflictException(expected, current);
        }
    }

    private static void change(ObjectNode state, ObjectNode metadata, SectionChange change, long timestamp) {
        switch (change) {
            case SectionChange.Unchanged unchanged -> {
            }
            case SectionChange.Cleared cleared -> {
                state.removeAll();
                metadata.removeAll();
            }
            case SectionChange.Merged merged -> StateTrees.merge(state, metadata, merged.patch(), timestamp);
        }
    }
}
