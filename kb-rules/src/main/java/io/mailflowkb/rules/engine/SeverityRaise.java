package io.mailflowkb.rules.engine;

import io.mailflowkb.model.finding.Severity;

/**
 * Inserted by a shipped correlation rule when the evidence of a finding that fired makes it more severe than its
 * definition says (e.g. a connector certificate that has already expired, not just expiring). The engine reports
 * the finding at the most severe level raised; a raise never lowers a severity, and raises for findings that did
 * not fire are ignored.
 */
public record SeverityRaise(String findingId, Severity severity, String reason) {
}
