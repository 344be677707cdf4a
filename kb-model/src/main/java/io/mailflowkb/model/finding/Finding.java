package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;

/**
 * A diagnosis the rules reached: what is wrong, the evidence that proved it, and how to fix it.
 *
 * @param id          stable id from the finding catalog, e.g. {@code tls12-client-disabled}
 * @param rule        where the rule that produced it is defined, e.g.
 *                    {@code knowledge/tls-deprecation/tls12.yaml#tls12-client-disabled}
 * @param confidence  {@code high}, or {@code lower} when the deciding evidence was not in the inputs (set by the
 *                    engine; the evidence then has a {@code correlation} line saying why)
 */
@JsonPropertyOrder({"id", "severity", "confidence", "title", "direction", "evidence", "remediation", "references",
        "rule"})
public record Finding(String id, Severity severity, String title, Direction direction, List<Evidence> evidence,
                      List<RemediationStep> remediation, List<Reference> references, String rule,
                      Confidence confidence) {

    /** Most severe first, then by id: the order the JSON contract promises. */
    public static final Comparator<Finding> ORDER =
            Comparator.comparing(Finding::severity).thenComparing(Finding::id);

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        references = references == null ? List.of() : List.copyOf(references);
        confidence = confidence == null ? Confidence.HIGH : confidence;
    }

    /** A finding proved by its evidence ({@link Confidence#HIGH}). */
    public Finding(String id, Severity severity, String title, Direction direction, List<Evidence> evidence,
                   List<RemediationStep> remediation, List<Reference> references, String rule) {
        this(id, severity, title, direction, evidence, remediation, references, rule, Confidence.HIGH);
    }
}
