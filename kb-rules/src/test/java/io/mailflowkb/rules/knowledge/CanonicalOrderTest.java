package io.mailflowkb.rules.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.rules.Diagnostician;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PatternCompiler#CANONICAL_ORDER}, written out, against the {@code Comparator.comparing} chain it replaces, on
 * seeded shuffles of every shipped constraint (all patterns' constraints in one pool, so equalities and other
 * operators on every field meet).
 */
class CanonicalOrderTest {

    static final Comparator<CompiledConstraint> REPLACED =
            Comparator.comparing((CompiledConstraint c) -> c.op() != Operator.EQUALS).thenComparing(CompiledConstraint::id);

    static final List<CompiledConstraint> SHIPPED = shipped();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 20261201L, 5_000_011L, 77L})
    void ordersAsTheComparatorChainDid(long seed) {
        assertThat(SHIPPED).hasSizeGreaterThan(100).anyMatch(c -> c.op() != Operator.EQUALS);
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            List<CompiledConstraint> sample = new ArrayList<>(SHIPPED.subList(0, 1 + r.nextInt(SHIPPED.size())));
            Collections.shuffle(sample, r);
            List<CompiledConstraint> a = new ArrayList<>(sample);
            List<CompiledConstraint> b = new ArrayList<>(sample);
            a.sort(PatternCompiler.CANONICAL_ORDER);
            b.sort(REPLACED);
            assertThat(a).as("seed %d case %d", seed, i).containsExactlyElementsOf(b);
        }
    }

    private static List<CompiledConstraint> shipped() {
        List<CompiledConstraint> all = new ArrayList<>();
        Knowledge k = Diagnostician.loadKnowledge(List.of());
        k.findings().forEach(f -> f.conditions().forEach(list -> list.forEach(p -> all.addAll(p.constraints()))));
        k.missingEvidence().forEach(m -> m.conditions().forEach(list -> list.forEach(p -> all.addAll(p.constraints()))));
        Collections.shuffle(all, new Random(3));
        return all;
    }
}
