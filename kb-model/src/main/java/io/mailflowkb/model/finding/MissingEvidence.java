package io.mailflowkb.model.finding;

/**
 * Something the inputs did not show that would decide a question.
 *
 * @param what the evidence to collect
 * @param why  which question it decides
 * @param how  the exact command or path that produces it
 */
public record MissingEvidence(String what, String why, String how) {
}
