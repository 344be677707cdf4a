package io.mailflowkb.rules.knowledge;

import java.util.List;

/**
 * A finding's declared root causes ({@code causedBy:} in its YAML), as a fact the shipped correlation rules
 * (correlate-findings.drl) match over: with {@code effect} produced, each produced finding of {@code causes} is
 * noted as its root cause; with none produced, {@code otherwise} (when given) is noted and lowers its confidence.
 */
public record RootCauses(String effect, List<String> causes, String otherwise) {

    public RootCauses {
        causes = List.copyOf(causes);
    }
}
