package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mailflowkb.model.fix.RegistryFix;
import java.util.Comparator;
import java.util.List;

/**
 * A diagnosis the rules reached: what is wrong, the evidence that proved it, and how to fix it.
 *
 * @param id          stable id from the finding catalog, e.g. {@code tls12-client-disabled}
 * @param summary     the knowledge's paragraph on why this matters, or {@code null} when it has none
 * @param causedBy    ids of other findings of the same diagnosis that the correlation names as this one's root
 *                    cause (e.g. {@code starttls-fallback-rejected} is caused by {@code tls12-client-disabled});
 *                    they are listed before it
 * @param status      with {@code --baseline}: whether the baseline had it too; {@code null} otherwise
 * @param rule        where the rule that produced it is defined, e.g.
 *                    {@code knowledge/tls-deprecation/findings/tls12-client-disabled/finding.yaml#tls12-client-disabled}
 * @param confidence  {@code high}, or {@code lower} when the deciding evidence was not in the inputs (set by the
 *                    engine; the evidence then has a {@code correlation} line saying why)
 * @param fix         the registry values that fix it on this server, resolved by the engine from the knowledge's
 *                    {@code fix} entries for the evidence (the version it is about); what fix scripts are written
 *                    from. Not part of the JSON contract: a report states the fix in its remediation steps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "severity", "confidence", "title", "summary", "direction", "status", "causedBy",
        "evidence", "remediation", "references", "rule"})
public record Finding(String id, Severity severity, String title, String summary, Direction direction,
                      FindingStatus status,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> causedBy, List<Evidence> evidence,
                      List<RemediationStep> remediation, List<Reference> references, String rule,
                      Confidence confidence, @JsonIgnore List<RegistryFix> fix) {

    /** Most severe first, then by id: the tie-break after root causes (see {@link Diagnosis}). */
    public static final Comparator<Finding> ORDER =
            Comparator.comparing(Finding::severity).thenComparing(Finding::id);

    public Finding {
        causedBy = causedBy == null ? List.of() : List.copyOf(causedBy);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        references = references == null ? List.of() : List.copyOf(references);
        confidence = confidence == null ? Confidence.HIGH : confidence;
        fix = fix == null ? List.of() : List.copyOf(fix);
    }

    /** A finding without a fix (embedders, and baselines read back from JSON). */
    public Finding(String id, Severity severity, String title, String summary, Direction direction,
                   FindingStatus status, List<String> causedBy, List<Evidence> evidence,
                   List<RemediationStep> remediation, List<Reference> references, String rule,
                   Confidence confidence) {
        this(id, severity, title, summary, direction, status, causedBy, evidence, remediation, references, rule,
                confidence, List.of());
    }

    /** A finding without summary, root cause or status (tests, embedders that build findings by hand). */
    public Finding(String id, Severity severity, String title, Direction direction, List<Evidence> evidence,
                   List<RemediationStep> remediation, List<Reference> references, String rule,
                   Confidence confidence) {
        this(id, severity, title, null, direction, null, List.of(), evidence, remediation, references, rule,
                confidence);
    }

    /** A finding proved by its evidence ({@link Confidence#HIGH}), without summary, root cause or status. */
    public Finding(String id, Severity severity, String title, Direction direction, List<Evidence> evidence,
                   List<RemediationStep> remediation, List<Reference> references, String rule) {
        this(id, severity, title, direction, evidence, remediation, references, rule, Confidence.HIGH);
    }

    /** The same finding compared with a baseline. */
    public Finding withStatus(FindingStatus newStatus) {
        return new Finding(id, severity, title, summary, direction, newStatus, causedBy, evidence, remediation,
                references, rule, confidence, fix);
    }
}
