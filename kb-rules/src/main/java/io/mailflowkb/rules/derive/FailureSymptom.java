package io.mailflowkb.rules.derive;

/**
 * A symptom id the knowledge marks as a failure ({@code failure: true}); the engine inserts one per such
 * definition so the invariant rules can tell failures from informational symptoms.
 */
public record FailureSymptom(String id) {
}
