package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer for one set of inputs. Findings keep the order the engine gives them: a finding another one names as
 * its root cause ({@link Finding#causedBy}) comes before it, otherwise most severe first, then by id. Every list
 * has a deterministic order, so the same inputs always give the same diagnosis.
 *
 * @param host          what server the evidence describes
 * @param comparison    with {@code --baseline}: what changed since then; {@code null} otherwise
 * @param confirmations what the inputs show to be right
 * @param notExamined   what the inputs did not cover, so nothing is said about it
 * @param mailFlow      each mail flow the evidence speaks about, and whether it works
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"host", "findings", "comparison", "confirmations", "notExamined", "mailFlow", "missingEvidence",
        "inputs"})
public record Diagnosis(HostSummary host, List<Finding> findings, Comparison comparison,
                        List<Confirmation> confirmations, List<String> notExamined, List<FlowLink> mailFlow,
                        List<MissingEvidence> missingEvidence, List<InputSummary> inputs) {

    public Diagnosis {
        host = host == null ? HostSummary.NOTHING_KNOWN : host;
        findings = findings == null ? List.of() : List.copyOf(findings);
        confirmations = confirmations == null ? List.of() : List.copyOf(confirmations);
        notExamined = notExamined == null ? List.of() : List.copyOf(notExamined);
        mailFlow = mailFlow == null ? List.of() : List.copyOf(mailFlow);
        missingEvidence = missingEvidence == null ? List.of() : List.copyOf(missingEvidence);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** Findings, missing evidence and inputs only (tests, embedders); findings sorted by {@link Finding#ORDER}. */
    public Diagnosis(List<Finding> findings, List<MissingEvidence> missingEvidence, List<InputSummary> inputs) {
        this(null, findings == null ? null : findings.stream().sorted(Finding.ORDER).toList(), null, null, null, null,
                missingEvidence, inputs);
    }

    /** The same diagnosis with these (status-marked) findings and the comparison that marked them. */
    public Diagnosis compared(List<Finding> marked, Comparison with) {
        return new Diagnosis(host, marked, with, confirmations, notExamined, mailFlow, missingEvidence, inputs);
    }

    /** Whether any finding is at warning or above: the CLI then exits with 1. */
    @JsonIgnore
    public boolean hasProblems() {
        return findings.stream().anyMatch(f -> f.severity().failsRun());
    }

    /** The most severe finding, or {@code null}. */
    @JsonIgnore
    public Finding mostSevere() {
        return findings.stream().min(Finding.ORDER).orElse(null);
    }
}
