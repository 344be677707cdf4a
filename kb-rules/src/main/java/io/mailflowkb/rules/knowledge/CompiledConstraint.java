package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.WireValue;
import io.mailflowkb.model.regex.KnowledgeRegex;
import io.mailflowkb.rules.derive.DottedVersion;
import java.util.List;
import java.util.Objects;

/**
 * A validated test on one field, ready to run. Its {@link #id()} is a canonical, injective text of
 * (fact type, field, operator, operands): Drools shares alpha nodes between constraints with the same id, so two
 * different tests must never share one (docs/architecture.md, "Safeguards").
 */
public final class CompiledConstraint {

    private final FactType<?> type;
    private final FactField<?> field;
    private final Operator op;
    private final List<Object> operands;
    /** {@link #operands} as an array, for the plain loops of {@code in} and {@code notIn}. */
    private final Object[] operandArray;
    private final KnowledgeRegex regex;
    private final String id;
    private final String shown;

    CompiledConstraint(FactType<?> type, FactField<?> field, Operator op, List<Object> operands, KnowledgeRegex regex,
                       String shown) {
        this.shown = shown;
        this.type = type;
        this.field = field;
        this.op = op;
        this.operands = List.copyOf(operands);
        this.operandArray = this.operands.toArray();
        this.regex = regex;
        this.id = type.name() + "." + field.name() + " " + op.id() + " " + canonical();
    }

    public String id() {
        return id;
    }

    /** The test as the knowledge file wrote it, for explanations: {@code protocol=TLS 1.2}. */
    public String shown() {
        return shown;
    }

    public Operator op() {
        return op;
    }

    /** The name of the field this tests, e.g. {@code protocol}. */
    public String fieldName() {
        return field.name();
    }

    /**
     * For a text equality, which the rule engine may answer by one hash lookup per fact instead of one test per
     * constraint: the value {@link #indexKey} of a fact equals exactly when {@link #test} passes. {@code null} for
     * every other test: Drools hashes text and primitive values only (a closed-vocabulary constant is an object to it),
     * and numbers stay out (a Long operand and another boxed number of the same value fail the test but might hash
     * alike).
     */
    public Object indexOperand() {
        return op == Operator.EQUALS && field.kind() == FieldKind.TEXT
                ? operands.get(0) // lower case: PatternCompiler lowers text operands
                : null;
    }

    /**
     * The fact's text as {@link #indexOperand} is compared: lower-cased as {@link #test} compares it ({@code lowerEquals}
     * is {@code toLowerCase(Locale.ROOT).equals}); {@code null} when the field has no value (which passes no equality).
     */
    @SuppressWarnings("unchecked")
    public Object indexKey(Object fact) {
        Object value = ((FactField<Object>) field).getter().apply(fact);
        return value == null ? null : Operator.lower(value);
    }

    /** Whether the fact passes this test. */
    @SuppressWarnings("unchecked")
    public boolean test(Object fact) {
        Object value = ((FactField<Object>) field).getter().apply(fact);
        return switch (op) {
            case EXISTS -> value != null;
            case MISSING -> value == null;
            case EQUALS -> value != null && equal(value, operands.get(0));
            case NOT_EQUALS -> value == null || !equal(value, operands.get(0));
            case IN -> value != null && equalsAny(value);
            case NOT_IN -> value == null || !equalsAny(value);
            case AT_LEAST -> value instanceof Long n && n >= (Long) operands.get(0);
            case BELOW -> value instanceof Long n && n < (Long) operands.get(0);
            case VERSION_AT_LEAST -> compareVersion(value) >= 0;
            case VERSION_BELOW -> { int c = compareVersion(value); yield c != Integer.MIN_VALUE && c < 0; }
            case MATCHES -> value != null && regex.find(value.toString());
            case CONTAINS -> value != null && Operator.lower(value).contains((String) operands.get(0));
        };
    }

    private int compareVersion(Object value) {
        long[] v = value == null ? null : DottedVersion.parse(value.toString());
        if (v == null) {
            return Integer.MIN_VALUE;
        }
        return DottedVersion.compare(v, (long[]) operands.get(0));
    }

    /**
     * Whether {@code value} equals one of the operands: what {@code operands.stream().anyMatch(o -> equal(value, o))}
     * answers, as a plain loop (rules run {@code in}/{@code notIn} per candidate fact, and a stream per test was a
     * measurable share of a diagnosis), with the fact's text or version read once instead of once per operand.
     */
    private boolean equalsAny(Object value) {
        Object[] ops = operandArray;
        switch (field.kind()) {
            case TEXT -> {
                String text = value.toString();
                for (Object o : ops) {
                    if (lowerEquals(text, (String) o)) {
                        return true;
                    }
                }
            }
            case NUMBER, BOOLEAN -> {
                for (Object o : ops) {
                    if (value.equals(o)) {
                        return true;
                    }
                }
            }
            case CHOICE -> {
                for (Object o : ops) {
                    if (value == o) {
                        return true;
                    }
                }
            }
            case VERSION -> {
                long[] v = DottedVersion.parse(value.toString());
                if (v != null) {
                    for (Object o : ops) {
                        if (DottedVersion.compare(v, (long[]) o) == 0) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private boolean equal(Object value, Object operand) {
        return switch (field.kind()) {
            case TEXT -> lowerEquals(value.toString(), (String) operand);
            case NUMBER, BOOLEAN -> Objects.equals(value, operand);
            case CHOICE -> value == operand;
            case VERSION -> {
                long[] v = DottedVersion.parse(value.toString());
                yield v != null && DottedVersion.compare(v, (long[]) operand) == 0;
            }
        };
    }

    /**
     * {@code text.toLowerCase(Locale.ROOT).equals(lowered)} without a copy per test for ASCII text (rules run this per
     * candidate fact); any other text takes the exact JDK path.
     */
    static boolean lowerEquals(String text, String lowered) {
        int n = text.length();
        if (n != lowered.length()) {
            return n > 0 && !isAscii(text) && Operator.lower(text).equals(lowered);
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return Operator.lower(text).equals(lowered);
            }
            char l = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (l != lowered.charAt(i)) {
                return !isAscii(text) && Operator.lower(text).equals(lowered);
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private String canonical() {
        StringBuilder b = new StringBuilder("[");
        for (Object o : operands) {
            b.append(b.length() > 1 ? "," : "");
            if (o instanceof long[] parts) {
                b.append('v');
                for (long p : parts) {
                    b.append('.').append(p);
                }
            } else if (o instanceof WireValue w) {
                b.append('#').append(w.getClass().getName()).append('.').append(w.id());
            } else if (o instanceof String s) {
                b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                b.append(o);
            }
        }
        if (regex != null) {
            b.append("/").append(regex.pattern().replace("\\", "\\\\").replace("/", "\\/")).append("/");
        }
        return b.append("]").toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
