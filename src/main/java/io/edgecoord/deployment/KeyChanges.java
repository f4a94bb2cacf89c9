package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.security.KeyBundles;

/** Puts a bundle's key limits through the security module's {@link KeyBundles}, in the caller's transaction. */
@Component
class KeyChanges {

    private final KeyBundles keys;

    KeyChanges(KeyBundles keys) {
        this.keys = keys;
    }

    /** Limits every key the bundle names; a key is never created or deleted by a bundle, so only "changed". */
    Diff.Changes apply(Bundle bundle) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < bundle.keys().size(); i++) {
            KeySpec spec = bundle.keys().get(i);
            try {
                if (this.keys.limit(spec.id(), spec.tasks(), spec.topics())) {
                    changed.add(spec.id());
                }
            }
            catch (ErrorResponseException ex) {
                throw new InvalidBundleException("keys[" + i + "] (" + spec.id() + ")", ex.getBody().getDetail());
            }
        }
        return new Diff.Changes(List.of(), changed, List.of());
    }
}
