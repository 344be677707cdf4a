package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A finding's root causes ({@code causedBy:}): when one of {@code findings} is produced with it, the diagnosis
 * notes {@code root cause: <id>} on it and orders the cause first (JSON {@code causedBy}); when none is,
 * {@code otherwise} (if given) is noted and lowers its confidence.
 *
 * @param findings  ids of the findings that can cause it
 * @param otherwise the note when the inputs show none of them, e.g. "only the symptom was seen; ..."
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CausedByDefinition(List<String> findings, String otherwise) {

    public CausedByDefinition {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
