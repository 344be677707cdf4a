package io.mailflowkb.rules.engine;

import io.mailflowkb.rules.knowledge.CompiledConstraint;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.CompiledMissingEvidence;
import io.mailflowkb.rules.knowledge.CompiledPattern;
import io.mailflowkb.rules.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.drools.core.base.accumulators.CountAccumulateFunction;
import org.drools.model.AlphaIndex;
import org.drools.model.DSL;
import org.drools.model.Declaration;
import org.drools.model.Drools;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL;
import org.drools.model.Rule;
import org.drools.model.RuleItemBuilder;
import org.drools.model.Variable;
import org.drools.model.consequences.ConsequenceBuilder;
import org.drools.model.functions.BlockN;
import org.drools.model.functions.Function1;
import org.drools.model.functions.Predicate1;
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

    /** How a pattern's constraints are chained into alpha nodes; either way every rule tests the same. */
    enum ConstraintOrder {
        /** The compiled pattern's own (canonical) order: the reference the equivalence tests build. */
        AS_WRITTEN,
        /** {@link SharedFieldsFirst}: the order rules are built in. */
        SHARED_FIELDS_FIRST
    }

    static Model translate(Knowledge knowledge) {
        return translate(knowledge, ConstraintOrder.SHARED_FIELDS_FIRST);
    }

    static Model translate(Knowledge knowledge, ConstraintOrder order) {
        Comparator<CompiledConstraint> chain = order == ConstraintOrder.AS_WRITTEN ? null
                : SharedFieldsFirst.of(knowledge);
        ModelImpl model = new ModelImpl();
        for (CompiledFinding f : knowledge.findings()) {
            for (int i = 0; i < f.conditions().size(); i++) {
                String name = "finding:" + f.id() + (i == 0 ? "" : "#" + (i + 1));
                model.addRule(rule(name, FINDING_SALIENCE, f.conditions().get(i), chain,
                        facts -> new FindingHit(f.id(), facts)));
            }
        }
        for (CompiledMissingEvidence m : knowledge.missingEvidence()) {
            for (int i = 0; i < m.conditions().size(); i++) {
                model.addRule(rule("missing:" + m.id() + (i == 0 ? "" : "#" + (i + 1)), MISSING_SALIENCE,
                        m.conditions().get(i), chain, facts -> new MissingHit(m.id())));
            }
        }
        return model;
    }

    private static Rule rule(String name, int salience, List<CompiledPattern> patterns,
                             Comparator<CompiledConstraint> chain, Function<List<Object>, Object> result) {
        List<RuleItemBuilder<?>> items = new ArrayList<>();
        List<Variable<?>> bound = new ArrayList<>();
        for (CompiledPattern p : patterns) {
            Declaration<Object> var = declaration(p);
            PatternDSL.PatternDef<Object> def = PatternDSL.pattern(var);
            List<CompiledConstraint> constraints = p.constraints();
            if (chain != null && constraints.size() > 1) {
                constraints = new ArrayList<>(constraints);
                constraints.sort(chain);
            }
            for (CompiledConstraint c : constraints) {
                def = indexed(def, p, c);
            }
            if (p.absent()) {
                items.add(DSL.not(def));
            } else if (p.atLeast() != null) {
                Variable<Long> count = DSL.declarationOf(Long.class);
                long min = p.atLeast();
                items.add(DSL.accumulate(def, DSL.accFunction(CountAccumulateFunction::new).as(count)));
                items.add(PatternDSL.pattern(count).expr("count >= " + min, new AtLeast(min)));
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
            return def.expr(c.id(), new ConstraintTest(c));
        }
        int field = INDEX_IDS + new ArrayList<>(p.type().fields().keySet()).indexOf(c.fieldName());
        AlphaIndex<Object, Object> index = PatternDSL.alphaIndexedBy((Class) String.class,
                Index.ConstraintType.EQUAL, field, new IndexKey(c), operand);
        return def.expr(c.id(), new ConstraintTest(c), index);
    }

    @SuppressWarnings("unchecked")
    private static Declaration<Object> declaration(CompiledPattern p) {
        return (Declaration<Object>) (Declaration<?>) DSL.declarationOf(p.type().type());
    }

    /** Inserts {@code result} of the bound facts: the consequence of every translated rule. */
    private static RuleItemBuilder<?> consequence(List<Variable<?>> bound, Function<List<Object>, Object> result) {
        if (bound.size() > CompiledPattern.MAX_BOUND) {
            throw new IllegalStateException("more than " + CompiledPattern.MAX_BOUND + " bound patterns");
        }
        return new InsertConsequence(bound.toArray(Variable[]::new), new InsertResult(bound.size(), result));
    }

    /*
     * The predicates, key readers and consequences below are classes, not lambdas: Drools' functional interfaces are
     * Serializable, so a lambda of one is linked through LambdaMetafactory.altMetafactory, whose classes neither the
     * JDK 25 AOT cache nor an AppCDS archive holds: each such call site spun a class with the ClassFile API on every
     * cold start (about 1 ms each). Classes come from the archive like any other (docs/perf.md, Start-up, sixth round).
     */

    /** A knowledge constraint as the pattern's test. */
    private static final class ConstraintTest implements Predicate1<Object> {
        private final CompiledConstraint constraint;

        ConstraintTest(CompiledConstraint constraint) {
            this.constraint = constraint;
        }

        @Override
        public boolean test(Object fact) {
            return constraint.test(fact);
        }
    }

    /** A text equality's key, as the alpha index reads it from a fact. */
    private static final class IndexKey implements Function1<Object, Object> {
        private final CompiledConstraint constraint;

        IndexKey(CompiledConstraint constraint) {
            this.constraint = constraint;
        }

        @Override
        public Object apply(Object fact) {
            return constraint.indexKey(fact);
        }
    }

    /** {@code atLeast}: the count of matching facts is at least the minimum. */
    private static final class AtLeast implements Predicate1<Long> {
        private final long min;

        AtLeast(long min) {
            this.min = min;
        }

        @Override
        public boolean test(Long count) {
            return count >= min;
        }
    }

    /** The consequence item of a rule: {@link InsertResult} on the bound variables, with Drools as first argument. */
    private static final class InsertConsequence extends ConsequenceBuilder.AbstractValidBuilder<InsertConsequence> {
        InsertConsequence(Variable<?>[] bound, BlockN block) {
            super(bound);
            this.block = block;
            this.usingDrools = true;
        }
    }

    /**
     * Inserts what {@code result} makes of the bound facts ({@code objs[0]} is Drools, then one fact per bound
     * variable): the list as the lambdas of {@code DSL.on(...).execute} gave it, {@code List.of} for none or one and
     * {@code Arrays.asList} for more, copied because Drools reuses its argument array from one firing to the next.
     */
    private static final class InsertResult implements BlockN {
        private final int bound;
        private final Function<List<Object>, Object> result;

        InsertResult(int bound, Function<List<Object>, Object> result) {
            this.bound = bound;
            this.result = result;
        }

        @Override
        public void execute(Object... objs) {
            List<Object> facts = switch (bound) {
                case 0 -> List.of();
                case 1 -> List.of(objs[1]);
                default -> Arrays.asList(Arrays.copyOfRange(objs, 1, bound + 1));
            };
            ((Drools) objs[0]).insert(result.apply(facts));
        }
    }
}
