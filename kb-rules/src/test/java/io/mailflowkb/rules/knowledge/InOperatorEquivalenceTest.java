package io.mailflowkb.rules.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.rules.derive.DottedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code in} and {@code notIn} as plain loops against the stream over the operands they replace
 * ({@code operands.stream().anyMatch(o -> equal(value, o))}, with {@code equal} written out as it was: lower-cased
 * text, {@code Objects.equals}, identity of choices, versions parsed per operand), for every field kind, over seeded
 * random facts and operand lists (empty lists, missing values, case variants, non-ASCII text, unparsable versions).
 */
class InOperatorEquivalenceTest {

    private static final String ALPHABET = "aAbBzZ09 .-_İıIißΣσςKKÅå\u212a";
    private static final FactType<Object[]> ROW = FactType.of("Row", Object[].class, "a test fact");

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 6_151L * i + 29);
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(3) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('a' + r.nextInt(3)));
        }
        String s = b.toString();
        return r.nextBoolean() ? s : s.toUpperCase(Locale.ROOT);
    }

    private static String version(Random r) {
        StringBuilder b = new StringBuilder();
        int parts = r.nextInt(4);
        for (int i = 0; i <= parts; i++) {
            b.append(i == 0 ? "" : ".").append(r.nextInt(3));
        }
        return switch (r.nextInt(8)) {
            case 0 -> b + ".";
            case 1 -> "x" + b;
            case 2 -> b + ".0";
            default -> b.toString();
        };
    }

    /** A value of the field's kind for a fact, {@code null} one time in eight. */
    private static Object value(Random r, FieldKind kind) {
        if (r.nextInt(8) == 0) {
            return null;
        }
        return switch (kind) {
            case TEXT -> text(r);
            case NUMBER -> (long) r.nextInt(5);
            case BOOLEAN -> r.nextBoolean();
            case CHOICE -> FlowDirection.values()[r.nextInt(FlowDirection.values().length)];
            case VERSION -> version(r);
        };
    }

    /** An operand as condition compilation stores it: lower-cased text, a long, a choice constant, parsed parts. */
    private static Object operand(Random r, FieldKind kind) {
        return switch (kind) {
            case TEXT -> Operator.lower(text(r));
            case NUMBER -> (long) r.nextInt(5);
            case BOOLEAN -> r.nextBoolean();
            case CHOICE -> FlowDirection.values()[r.nextInt(FlowDirection.values().length)];
            case VERSION -> {
                long[] v = null;
                while (v == null) {
                    v = DottedVersion.parse(version(r));
                }
                yield v;
            }
        };
    }

    /** The replaced code's {@code equal}. */
    private static boolean equalAsBefore(FieldKind kind, Object value, Object operand) {
        return switch (kind) {
            case TEXT -> value.toString().toLowerCase(Locale.ROOT).equals(operand);
            case NUMBER, BOOLEAN -> Objects.equals(value, operand);
            case CHOICE -> value == operand;
            case VERSION -> {
                long[] v = DottedVersion.parse(value.toString());
                yield v != null && DottedVersion.compare(v, (long[]) operand) == 0;
            }
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void inAndNotInAnswerAsTheStreamsDid(long seed) {
        Random r = new Random(seed);
        for (FieldKind kind : FieldKind.values()) {
            FactField<Object[]> field = new FactField<>("f", kind, row -> row[0], "a field",
                    kind == FieldKind.CHOICE ? FlowDirection.class : null, null);
            for (int i = 0; i < 200; i++) {
                List<Object> operands = new ArrayList<>();
                int n = r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    operands.add(operand(r, kind));
                }
                CompiledConstraint in = new CompiledConstraint(ROW, field, Operator.IN, operands, null, "f in");
                CompiledConstraint notIn = new CompiledConstraint(ROW, field, Operator.NOT_IN, operands, null, "f notIn");
                for (int j = 0; j < 10; j++) {
                    Object value = value(r, kind);
                    boolean expectedIn = value != null
                            && operands.stream().anyMatch(o -> equalAsBefore(kind, value, o));
                    boolean expectedNotIn = value == null
                            || operands.stream().noneMatch(o -> equalAsBefore(kind, value, o));
                    Object[] fact = {value};
                    assertEquals(expectedIn, in.test(fact), () -> kind + " " + value + " in " + in.id());
                    assertEquals(expectedNotIn, notIn.test(fact), () -> kind + " " + value + " notIn " + notIn.id());
                }
            }
        }
    }
}
