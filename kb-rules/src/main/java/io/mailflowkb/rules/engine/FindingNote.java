package io.mailflowkb.rules.engine;

/**
 * A note a shipped correlation rule attaches to a finding (e.g. {@code root cause: tls12-client-disabled}); the
 * engine appends it to that finding's evidence. Notes for findings that did not fire are ignored.
 */
public record FindingNote(String findingId, String text) {
}
