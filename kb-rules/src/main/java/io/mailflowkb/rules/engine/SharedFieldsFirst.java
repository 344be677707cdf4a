package io.mailflowkb.rules.engine;

import io.mailflowkb.rules.knowledge.CompiledConstraint;
import io.mailflowkb.rules.knowledge.CompiledPattern;
import io.mailflowkb.rules.knowledge.Knowledge;
import io.mailflowkb.rules.knowledge.Operator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order a pattern's constraints become alpha nodes in: equalities first (as the canonical order has them), then
 * the fields that the most patterns of the fact type test, then the canonical id. Drools shares a chain of alpha nodes
 * between patterns only as far as their constraints are the same from the top, and tests every fact of the type
 * against each distinct first node: in the canonical (alphabetical) order {@code ProtocolState.basis} came before
 * {@code protocol}, so every one of the eight protocol states per run was tested against {@code basis}, {@code covered}
 * and {@code protocol} nodes at the top (about nine tests per state, docs/perf.md, Throughput, seventh round). A
 * constraint is a pure test of one fact, so the order of a pattern's tests cannot change which facts it matches.
 */
final class SharedFieldsFirst implements Comparator<CompiledConstraint> {

    private final Map<String, Integer> patternsPerField;

    private SharedFieldsFirst(Map<String, Integer> patternsPerField) {
        this.patternsPerField = patternsPerField;
    }

    /** Counts, over every condition of the knowledge, how many patterns test each field. */
    static SharedFieldsFirst of(Knowledge knowledge) {
        Map<String, Integer> counts = new HashMap<>();
        for (var f : knowledge.findings()) {
            count(f.conditions(), counts);
        }
        for (var m : knowledge.missingEvidence()) {
            count(m.conditions(), counts);
        }
        return new SharedFieldsFirst(counts);
    }

    private static void count(List<List<CompiledPattern>> conditions, Map<String, Integer> counts) {
        for (List<CompiledPattern> condition : conditions) {
            for (CompiledPattern p : condition) {
                Set<String> fields = new HashSet<>();
                for (CompiledConstraint c : p.constraints()) {
                    fields.add(key(c));
                }
                for (String field : fields) {
                    counts.merge(field, 1, Integer::sum);
                }
            }
        }
    }

    /** The constraint's id starts with its fact type's and field's names: {@code ProtocolState.protocol equals ...}. */
    private static String key(CompiledConstraint c) {
        String id = c.id();
        int space = id.indexOf(' ');
        return space < 0 ? id : id.substring(0, space);
    }

    @Override
    public int compare(CompiledConstraint a, CompiledConstraint b) {
        int equalitiesFirst = Boolean.compare(a.op() != Operator.EQUALS, b.op() != Operator.EQUALS);
        if (equalitiesFirst != 0) {
            return equalitiesFirst;
        }
        int shared = Integer.compare(patternsPerField.getOrDefault(key(b), 0), patternsPerField.getOrDefault(key(a), 0));
        return shared != 0 ? shared : a.id().compareTo(b.id());
    }
}
