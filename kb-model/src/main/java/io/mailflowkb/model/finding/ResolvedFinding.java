package io.mailflowkb.model.finding;

import java.util.List;

/** A finding of the baseline diagnosis that the current one no longer has, with the evidence it had then. */
public record ResolvedFinding(String id, Severity severity, String title, List<Evidence> evidence) {
    public ResolvedFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
