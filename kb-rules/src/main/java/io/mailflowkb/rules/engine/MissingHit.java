package io.mailflowkb.rules.engine;

/** Inserted when a missing-evidence definition's conditions hold. */
public record MissingHit(String missingId) {
}
