package io.mailflowkb.model.finding;

import java.util.List;

/**
 * A finding of the baseline diagnosis that the current one does not have, but only because the evidence that
 * proved it was not given again: it may still be there. Never counted as resolved.
 *
 * @param evidence what proved it in the baseline
 * @param collect  what to give again to re-examine it, one entry per missing input, e.g.
 *                 {@code schannel.reg (registry export)}
 */
public record NotReexaminedFinding(String id, Severity severity, String title, List<Evidence> evidence,
                                   List<String> collect) {
    public NotReexaminedFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        collect = collect == null ? List.of() : List.copyOf(collect);
    }
}
