package io.mailflowkb.rules.engine;

import io.mailflowkb.rules.explain.NotFired;
import io.mailflowkb.rules.explain.Unmet;
import io.mailflowkb.rules.knowledge.CompiledConstraint;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.CompiledPattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Explains why a finding did not fire: for each of its condition lists, the first pattern the facts did not
 * satisfy. Knowledge patterns never join facts, so checking each pattern on its own gives the same answer the
 * rule engine reached.
 */
final class WhyNot {

    private WhyNot() {
    }

    static NotFired explain(CompiledFinding finding, Collection<?> facts) {
        List<Unmet> reasons = new ArrayList<>();
        for (List<CompiledPattern> condition : finding.conditions()) {
            for (CompiledPattern p : condition) {
                Unmet failed = failed(p, facts);
                if (failed != null) {
                    reasons.add(failed);
                    break;
                }
            }
        }
        return new NotFired(finding.id(), reasons);
    }

    private static Unmet failed(CompiledPattern p, Collection<?> facts) {
        long matching = facts.stream().filter(f -> p.type().type().isInstance(f) && p.test(f)).count();
        List<String> shown = p.constraints().stream().map(CompiledConstraint::shown).toList();
        if (p.absent()) {
            return matching == 0 ? null : new Unmet(Unmet.Reason.PRESENT, p.type().name(), shown, matching, null);
        }
        if (p.atLeast() != null) {
            return matching >= p.atLeast() ? null
                    : new Unmet(Unmet.Reason.TOO_FEW, p.type().name(), shown, matching, p.atLeast());
        }
        return matching > 0 ? null : new Unmet(Unmet.Reason.NO_MATCH, p.type().name(), shown, 0, null);
    }
}
