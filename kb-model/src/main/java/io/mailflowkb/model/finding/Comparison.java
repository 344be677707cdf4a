package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * This diagnosis against an earlier one ({@code kb diagnose --baseline PREVIOUS.json}).
 *
 * @param baseline      the baseline file as the user named it
 * @param since         the baseline's time: its {@code host.collected}, else its {@code host.evidenceTo}, else the
 *                      baseline file's last modification (a registry-only baseline carries no time of its own), else
 *                      {@code unknown}
 * @param sinceBasis    what {@code since} is: {@code collected}, {@code evidence} (the latest evidence time) or
 *                      {@code baseline file modified}; {@code null} when {@code since} is unknown
 * @param warning       why the comparison may not be meaningful (the baseline is of another server), or {@code null}
 * @param resolved      findings the baseline had and this diagnosis does not, although the kind of evidence that
 *                      proved them was given again; with their earlier evidence
 * @param notReexamined findings the baseline had whose evidence was not given again: not resolved, only not looked
 *                      at, with what to collect to re-examine them
 * @param stillPresent  ids in both
 * @param newIds        ids only in this diagnosis
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"baseline", "since", "sinceBasis", "warning", "resolved", "notReexamined", "stillPresent", "new"})
public record Comparison(String baseline, String since, String sinceBasis, String warning,
                         List<ResolvedFinding> resolved, List<NotReexaminedFinding> notReexamined,
                         List<String> stillPresent, @JsonProperty("new") List<String> newIds) {

    public static final String BASIS_COLLECTED = "collected";
    public static final String BASIS_EVIDENCE = "evidence";
    public static final String BASIS_FILE = "baseline file modified";

    public Comparison {
        resolved = resolved == null ? List.of() : List.copyOf(resolved);
        notReexamined = notReexamined == null ? List.of() : List.copyOf(notReexamined);
        stillPresent = stillPresent == null ? List.of() : List.copyOf(stillPresent);
        newIds = newIds == null ? List.of() : List.copyOf(newIds);
        sinceBasis = since == null || HostSummary.UNKNOWN.equals(since) ? null : sinceBasis;
    }

    /**
     * "Resolved since ..." in words: the baseline's time, said as what it is when it is only the file's
     * modification time, or {@code the baseline} when it had none.
     */
    @JsonIgnore
    public String sinceText() {
        if (since == null || HostSummary.UNKNOWN.equals(since)) {
            return "the baseline";
        }
        return BASIS_FILE.equals(sinceBasis) ? since + " (when the baseline file was last modified)" : since;
    }
}
