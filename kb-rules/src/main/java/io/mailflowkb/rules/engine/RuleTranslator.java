package io.mailflowkb.rules.engine;

import io.mailflowkb.rules.knowledge.CompiledConstraint;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.CompiledMissingEvidence;
import io.mailflowkb.rules.knowledge.CompiledPattern;
import io.mailflowkb.rules.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.drools.core.base.accumulators.CountAccumulateFunction;
import org.drools.model.AlphaIndex;
import org.drools.model.DSL;
import org.drools.model.Declaration;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL;
import org.drools.model.Rule;
import org.drools.model.RuleItemBuilder;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;

/**
 * Turns validated knowledge into real Drools rules through the executable-model DSL: each pattern's constraints
 * are lambdas closing over operands that were parsed and checked by {@code PatternCompiler}. Nothing is compiled
 * and no text from a knowledge file ever becomes code.
 */
final class RuleTranslator {

    static final String PACKAGE = "io.mailflowkb.rules.knowledge.generated";
    /** Knowledge rules run after every shipped derivation (salience 1000) and before correlations (-100). */
    static final int FINDING_SALIENCE = 0;
    static final int MISSING_SALIENCE = -10;
    /** Where the alpha index ids of knowledge constraints start: above any property position of a fact class. */
    static final int INDEX_IDS = 10_000;

    private RuleTranslator() {
    }

    static Model translate(Knowledge knowledge) {
        ModelImpl model = new ModelImpl();
        for (CompiledFinding f : knowledge.findings()) {
            for (int i = 0; i < f.conditions().size(); i++) {
                String name = "finding:" + f.id() + (i == 0 ? "" : "#" + (i + 1));
                model.addRule(rule(name, FINDING_SALIENCE, f.conditions().get(i),
                        facts -> new FindingHit(f.id(), facts)));
            }
        }
        for (CompiledMissingEvidence m : knowledge.missingEvidence()) {
            for (int i = 0; i < m.conditions().size(); i++) {
                model.addRule(rule("missing:" + m.id() + (i == 0 ? "" : "#" + (i + 1)), MISSING_SALIENCE,
                        m.conditions().get(i), facts -> new MissingHit(m.id())));
            }
        }
        return model;
    }

    private static Rule rule(String name, int salience, List<CompiledPattern> patterns,
                             Function<List<Object>, Object> result) {
        List<RuleItemBuilder<?>> items = new ArrayList<>();
        List<Variable<?>> bound = new ArrayList<>();
        for (CompiledPattern p : patterns) {
            Declaration<Object> var = declaration(p);
            PatternDSL.PatternDef<Object> def = PatternDSL.pattern(var);
            for (CompiledConstraint c : p.constraints()) {
                def = indexed(def, p, c);
            }
            if (p.absent()) {
                items.add(DSL.not(def));
            } else if (p.atLeast() != null) {
                Variable<Long> count = DSL.declarationOf(Long.class);
                long min = p.atLeast();
                items.add(DSL.accumulate(def, DSL.accFunction(CountAccumulateFunction::new).as(count)));
                items.add(PatternDSL.pattern(count).expr("count >= " + min, n -> n >= min));
            } else {
                items.add(def);
                bound.add(var);
            }
        }
        items.add(consequence(bound, result));
        return PatternDSL.rule(PACKAGE, name)
                .attribute(Rule.Attribute.SALIENCE, salience)
                .build(items.toArray(RuleItemBuilder[]::new));
    }

    /**
     * The constraint as an alpha node; a text equality also tells Drools how to read its key, so three or more alpha
     * nodes testing one field against different texts (the symptom ids above all) become one hash lookup per fact
     * instead of one opaque lambda each. Drools groups the alpha nodes below one type by the index id alone
     * and reads every fact of the group with the first node's reader, so the id must be the same for every knowledge
     * constraint on a field (one reader: {@code indexKey}) and never one the shipped DRL uses for its own, raw reader
     * of a field of the same type (those are property positions, small numbers): {@link #INDEX_IDS} plus the field's
     * position in its fact type.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PatternDSL.PatternDef<Object> indexed(PatternDSL.PatternDef<Object> def, CompiledPattern p,
                                                         CompiledConstraint c) {
        Object operand = c.indexOperand();
        if (operand == null) {
            return def.expr(c.id(), c::test);
        }
        int field = INDEX_IDS + new ArrayList<>(p.type().fields().keySet()).indexOf(c.fieldName());
        AlphaIndex<Object, Object> index = PatternDSL.alphaIndexedBy((Class) String.class,
                Index.ConstraintType.EQUAL, field, c::indexKey, operand);
        return def.expr(c.id(), c::test, index);
    }

    @SuppressWarnings("unchecked")
    private static Declaration<Object> declaration(CompiledPattern p) {
        return (Declaration<Object>) (Declaration<?>) DSL.declarationOf(p.type().type());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RuleItemBuilder<?> consequence(List<Variable<?>> v, Function<List<Object>, Object> result) {
        return switch (v.size()) {
            case 0 -> DSL.execute(drools -> drools.insert(result.apply(List.of())));
            case 1 -> DSL.on((Variable) v.get(0)).execute((drools, a) ->
                    ((org.drools.model.Drools) drools).insert(result.apply(List.of(a))));
            case 2 -> DSL.on((Variable) v.get(0), (Variable) v.get(1)).execute((drools, a, b) ->
                    ((org.drools.model.Drools) drools).insert(result.apply(Arrays.asList(a, b))));
            case 3 -> DSL.on((Variable) v.get(0), (Variable) v.get(1), (Variable) v.get(2))
                    .execute((drools, a, b, c) ->
                            ((org.drools.model.Drools) drools).insert(result.apply(Arrays.asList(a, b, c))));
            case 4 -> DSL.on((Variable) v.get(0), (Variable) v.get(1), (Variable) v.get(2), (Variable) v.get(3))
                    .execute((drools, a, b, c, d) ->
                            ((org.drools.model.Drools) drools).insert(result.apply(Arrays.asList(a, b, c, d))));
            case 5 -> DSL.on((Variable) v.get(0), (Variable) v.get(1), (Variable) v.get(2), (Variable) v.get(3),
                    (Variable) v.get(4)).execute((drools, a, b, c, d, e) ->
                    ((org.drools.model.Drools) drools).insert(result.apply(Arrays.asList(a, b, c, d, e))));
            default -> throw new IllegalStateException("more than " + CompiledPattern.MAX_BOUND + " bound patterns");
        };
    }
}
