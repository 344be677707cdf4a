package io.mailflowkb.rules.engine;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Confidence;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.MissingEvidence;
import io.mailflowkb.model.finding.Reference;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.finding.Severity;
import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.fix.FixResolution;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.CompiledMissingEvidence;
import io.mailflowkb.rules.knowledge.Knowledge;
import io.mailflowkb.rules.report.Confirmations;
import io.mailflowkb.rules.report.FindingOrder;
import io.mailflowkb.rules.report.HostSummaries;
import io.mailflowkb.rules.report.MailFlows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a finished session's output becomes: the findings with their evidence, steps and fixes, in report order,
 * and the rest of the {@link Diagnosis} (host, confirmations, mail flows, missing evidence). One per knowledge,
 * shared by concurrent runs.
 */
final class DiagnosisAssembly {

    private final Knowledge knowledge;
    private final RunConstants constants;
    /** Per finding id what its findings are made of besides the evidence, ready for every run. */
    private final Map<String, Parts> parts = new HashMap<>();

    /** A finding's definition with its references, its step plan and its fix values made ready once. */
    private record Parts(CompiledFinding finding, List<Reference> references, RemediationPlan plan,
                         FixResolution fix) {
    }

    DiagnosisAssembly(Knowledge knowledge, RunConstants constants) {
        this.knowledge = knowledge;
        this.constants = constants;
        // references copied once into the form Finding keeps (its List.copyOf then copies nothing)
        constants.findings().forEach((id, f) -> parts.put(id, new Parts(f, List.copyOf(constants.references().get(id)),
                new RemediationPlan(f.definition().remediation()), FixResolution.of(f.definition().fix()))));
    }

    /** The diagnosis, and the ids of the findings whose rules fired (for {@code --explain}'s "why not"). */
    record Assembled(Diagnosis diagnosis, Set<String> fired) {
    }

    Assembled assemble(FactBundle bundle, SessionOutput out) {
        List<String> ids = new ArrayList<>(out.hitsByFinding.keySet());
        ids.sort(null);
        Set<String> fired = out.hitsByFinding.keySet();
        List<Finding> findings = new ArrayList<>(ids.size());
        for (String id : ids) {
            Parts f = parts.get(id);
            if (f == null) {
                continue;
            }
            List<FindingHit> own = out.hitsByFinding.get(id);
            Set<String> notes = out.notes.getOrDefault(id, Set.of());
            Confidence confidence = out.lowered.contains(id) ? Confidence.LOWER : Confidence.HIGH;
            List<String> causes = notes.isEmpty() ? List.of() : new ArrayList<>();
            for (String note : notes) {
                String cause = FindingNote.rootCauseIn(note);
                if (cause != null && fired.contains(cause)) {
                    causes.add(cause);
                }
            }
            findings.add(toFinding(f, FindingEvidence.of(own, notes), own, out.baseline, confidence, causes,
                    out.raised.get(id)));
        }
        List<Finding> ordered = FindingOrder.sort(findings);
        List<MissingEvidence> missing = new ArrayList<>();
        for (CompiledMissingEvidence m : knowledge.missingEvidence()) {
            if (out.missingIds.contains(m.id())) {
                missing.add(new MissingEvidence(m.definition().what(), m.definition().why(), m.definition().how()));
            }
        }
        Confirmations.Result confirmed = Confirmations.of(bundle, out.confirmable);
        Diagnosis diagnosis = new Diagnosis(HostSummaries.of(bundle, constants.baselines()), ordered, null,
                confirmed.confirmed(), confirmed.notExamined(),
                MailFlows.of(bundle, ordered, logFlows(out.hitsByFinding)), missing, bundle.inputs());
        return new Assembled(diagnosis, fired);
    }

    /**
     * Per finding, the directions of the log facts that proved it (over all its hits): one of
     * {@link MailFlows#directions}' shared sets, not a set per hit.
     */
    static Map<String, Set<String>> logFlows(Map<String, List<FindingHit>> hitsByFinding) {
        Map<String, Set<String>> out = new HashMap<>();
        hitsByFinding.forEach((id, hits) -> {
            int bits = 0;
            for (int i = 0; i < hits.size(); i++) {
                bits |= MailFlows.directionBits(hits.get(i).facts());
            }
            out.put(id, MailFlows.directions(bits));
        });
        return out;
    }

    private static Finding toFinding(Parts f, List<Evidence> evidence, List<FindingHit> hits,
                                     ExchangeBaseline baseline, Confidence confidence, List<String> causedBy,
                                     Severity raised) {
        FindingDefinition d = f.finding().definition();
        List<RemediationStep> steps = f.plan().steps(hits, baseline);
        Severity severity = raised != null && raised.compareTo(d.severity()) < 0 ? raised : d.severity();
        List<Object> matched;
        if (hits.size() == 1) {
            matched = hits.get(0).facts();
        } else {
            matched = new ArrayList<>();
            for (FindingHit h : hits) {
                matched.addAll(h.facts());
            }
        }
        return new Finding(d.id(), severity, d.title(), d.summary(), d.direction(), null, causedBy, evidence, steps,
                f.references(), f.finding().rule(), confidence, f.fix().values(matched));
    }
}
