package io.mailflowkb.rules.engine;

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

    static String explain(CompiledFinding finding, Collection<?> facts) {
        List<String> reasons = new ArrayList<>();
        for (List<CompiledPattern> condition : finding.conditions()) {
            for (CompiledPattern p : condition) {
                String failed = failed(p, facts);
                if (failed != null) {
                    reasons.add(failed);
                    break;
                }
            }
        }
        return finding.id() + ": " + (reasons.isEmpty() ? "conditions hold but no rule fired" : String.join("; or ", reasons));
    }

    private static String failed(CompiledPattern p, Collection<?> facts) {
        long matching = facts.stream().filter(f -> p.type().type().isInstance(f) && p.test(f)).count();
        String what = p.type().name() + (p.constraints().isEmpty() ? "" : " with " + String.join(", ",
                p.constraints().stream().map(CompiledConstraint::shown).toList()));
        if (p.absent()) {
            return matching == 0 ? null : "a " + what + " exists (the rule needs it absent)";
        }
        if (p.atLeast() != null) {
            return matching >= p.atLeast() ? null : "only " + matching + " " + what + " (needs " + p.atLeast() + ")";
        }
        return matching > 0 ? null : "no " + what;
    }
}
