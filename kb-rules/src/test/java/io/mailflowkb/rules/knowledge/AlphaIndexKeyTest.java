package io.mailflowkb.rules.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.FlowDirection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index the rule engine may answer an equality with instead of running it (Drools hashes alpha nodes that test
 * one field against different constants and sends a fact only to the node whose constant equals the fact's key,
 * without calling {@link CompiledConstraint#test}): for every operator and field kind, over seeded random facts and
 * operands (case variants, non-ASCII letters whose lower case is longer or folds to ASCII, missing values), a
 * constraint has an index exactly when it is a text equality, and then {@code indexKey(fact)} equals
 * {@code indexOperand()} exactly when {@code test(fact)} passes.
 */
class AlphaIndexKeyTest {

    private static final String ALPHABET = "aAbBzZ09 .-_İıIißΣσςKKÅå\u212a";
    private static final FactType<Object[]> ROW = FactType.of("Row", Object[].class, "a test fact");

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 7_919L * i + 3);
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(3) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('a' + r.nextInt(2)));
        }
        String s = b.toString();
        return switch (r.nextInt(3)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.toLowerCase(Locale.ROOT);
            default -> s;
        };
    }

    private static Object value(Random r, FieldKind kind) {
        if (r.nextInt(8) == 0) {
            return null;
        }
        return switch (kind) {
            case TEXT -> r.nextInt(4) == 0 ? new StringBuilder(text(r)) : text(r); // a CharSequence that is no String
            case NUMBER -> r.nextBoolean() ? (Object) (long) r.nextInt(3) : (Object) r.nextInt(3);
            case BOOLEAN -> r.nextBoolean();
            case CHOICE -> FlowDirection.values()[r.nextInt(FlowDirection.values().length)];
            case VERSION -> r.nextInt(3) + "." + r.nextInt(3);
        };
    }

    private static Object operand(Random r, FieldKind kind) {
        return switch (kind) {
            case TEXT -> Operator.lower(text(r)); // as PatternCompiler stores text operands
            case NUMBER -> (long) r.nextInt(3);
            case BOOLEAN -> r.nextBoolean();
            case CHOICE -> FlowDirection.values()[r.nextInt(FlowDirection.values().length)];
            case VERSION -> new long[] {r.nextInt(3), r.nextInt(3)};
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anIndexedEqualityPassesExactlyWhenItsKeyEqualsTheOperand(long seed) {
        Random r = new Random(seed);
        for (FieldKind kind : FieldKind.values()) {
            FactField<Object[]> field = new FactField<>("f", kind, row -> row[0], "a field",
                    kind == FieldKind.CHOICE ? FlowDirection.class : null, null);
            for (Operator op : List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.EXISTS)) {
                for (int i = 0; i < 100; i++) {
                    List<Object> operands = op == Operator.EXISTS ? List.of() : List.of(operand(r, kind));
                    CompiledConstraint c = new CompiledConstraint(ROW, field, op, operands, null, "f " + op.id());
                    boolean indexable = op == Operator.EQUALS && kind == FieldKind.TEXT;
                    assertEquals(indexable, c.indexOperand() != null, () -> kind + " " + c.id());
                    if (!indexable) {
                        continue;
                    }
                    for (int j = 0; j < 10; j++) {
                        Object[] fact = {value(r, kind)};
                        assertEquals(c.test(fact), Objects.equals(c.indexKey(fact), c.indexOperand()),
                                () -> kind + " " + fact[0] + " " + c.id());
                    }
                }
            }
        }
    }
}
