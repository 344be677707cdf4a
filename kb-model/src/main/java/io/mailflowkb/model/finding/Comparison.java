package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * This diagnosis against an earlier one ({@code kb diagnose --baseline PREVIOUS.json}).
 *
 * @param baseline     the baseline file as the user named it
 * @param since        the baseline's time: its {@code host.collected}, else its {@code host.evidenceTo}, else
 *                     {@code unknown}
 * @param warning      why the comparison may not be meaningful (the baseline is of another server), or {@code null}
 * @param resolved     findings the baseline had and this diagnosis does not, with their earlier evidence
 * @param stillPresent ids in both
 * @param newIds       ids only in this diagnosis
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"baseline", "since", "warning", "resolved", "stillPresent", "new"})
public record Comparison(String baseline, String since, String warning, List<ResolvedFinding> resolved,
                         List<String> stillPresent, @JsonProperty("new") List<String> newIds) {
    /** "Resolved since ..." in words: the baseline's time, or {@code the baseline} when it had none. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String sinceText() {
        return since == null || HostSummary.UNKNOWN.equals(since) ? "the baseline" : since;
    }

    public Comparison {
        resolved = resolved == null ? List.of() : List.copyOf(resolved);
        stillPresent = stillPresent == null ? List.of() : List.copyOf(stillPresent);
        newIds = newIds == null ? List.of() : List.copyOf(newIds);
    }
}
