package io.mailflowkb.rules.engine;

/** Inserted when a missing-evidence definition's conditions hold. */
record MissingHit(String missingId) {
}
