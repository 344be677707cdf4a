package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer for one set of inputs. Findings are sorted by {@link Finding#ORDER}; missing evidence and inputs
 * keep a deterministic order, so the same inputs always give the same diagnosis.
 */
@JsonPropertyOrder({"findings", "missingEvidence", "inputs"})
public record Diagnosis(List<Finding> findings, List<MissingEvidence> missingEvidence, List<InputSummary> inputs) {

    public Diagnosis {
        findings = findings == null ? List.of() : findings.stream().sorted(Finding.ORDER).toList();
        missingEvidence = missingEvidence == null ? List.of() : List.copyOf(missingEvidence);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** Whether any finding is at warning or above: the CLI then exits with 1. */
    @JsonIgnore
    public boolean hasProblems() {
        return findings.stream().anyMatch(f -> f.severity().failsRun());
    }

    /** The most severe finding, or {@code null}. */
    @JsonIgnore
    public Finding mostSevere() {
        return findings.isEmpty() ? null : findings.get(0);
    }
}
