package io.mailflowkb.rules.derive;

import java.util.Set;

/**
 * The symptom ids the knowledge marks as a failure ({@code failure: true}), one fact per run, so the invariant rules
 * can tell failures from informational symptoms (one insert where there was one fact per id).
 */
public record FailureSymptoms(Set<String> ids) {

    public FailureSymptoms {
        ids = Set.copyOf(ids);
    }
}
