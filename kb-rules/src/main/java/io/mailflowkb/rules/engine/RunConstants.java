package io.mailflowkb.rules.engine;

import io.mailflowkb.model.finding.Reference;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.rules.derive.ExchangeBaselines;
import io.mailflowkb.rules.derive.FailureSymptoms;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every diagnosis with the same knowledge needs and none changes, made once instead of per run (a warm
 * diagnosis takes tens of microseconds, so a stream over the catalog per finding shows in the profile): the objects
 * each session gets besides the bundle's facts, in the order they were always inserted, and per finding id its
 * compiled finding and its references. All immutable, shared by concurrent runs (each session has its own handles).
 *
 * @param inserts    the failure symptoms' ids (one fact), the root-cause links, the Exchange build baselines and the
 *                   Windows release table: tables the rules read, not evidence, so {@code --explain} leaves them out
 *                   of what a firing matched (the protocol slots are no facts since the eight derivations became
 *                   one)
 * @param findings   per id the first compiled finding with it (what {@link Knowledge#finding} answers)
 * @param references per id that finding's references, as the report holds them
 * @param baselines  the build table with its builds parsed, the one inserted, which the report header reads too
 */
record RunConstants(List<Object> inserts, Map<String, CompiledFinding> findings,
                    Map<String, List<Reference>> references, ExchangeBaselines baselines) {

    static RunConstants of(Knowledge knowledge) {
        List<Object> inserts = new ArrayList<>();
        inserts.add(new FailureSymptoms(knowledge.symptoms().stream().filter(SymptomDefinition::isFailure)
                .map(SymptomDefinition::id).collect(Collectors.toSet())));
        inserts.addAll(knowledge.rootCauses()); // causedBy links, for correlate-findings.drl
        ExchangeBaselines baselines = new ExchangeBaselines(knowledge.exchangeBuilds());
        inserts.add(baselines); // the build table's baselines
        inserts.add(knowledge.windowsReleases()); // the Windows release table, for the OS defaults
        Map<String, CompiledFinding> findings = new HashMap<>();
        Map<String, List<Reference>> references = new HashMap<>();
        for (CompiledFinding f : knowledge.findings()) {
            if (findings.putIfAbsent(f.id(), f) == null) {
                references.put(f.id(), f.definition().references().stream()
                        .map(r -> new Reference(r.title(), r.url())).toList());
            }
        }
        return new RunConstants(List.copyOf(inserts), Map.copyOf(findings), Map.copyOf(references), baselines);
    }

    /** Whether {@code o} is one of {@link #inserts} (the same object, not an equal one). */
    boolean isInserted(Object o) {
        for (Object i : inserts) {
            if (i == o) {
                return true;
            }
        }
        return false;
    }
}
