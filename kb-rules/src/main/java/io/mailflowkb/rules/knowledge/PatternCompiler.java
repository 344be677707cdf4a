package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.ConstraintDefinition;
import io.mailflowkb.model.knowledge.PatternDefinition;
import io.mailflowkb.model.regex.KnowledgeRegex;
import io.mailflowkb.model.regex.RegexRejectedException;
import io.mailflowkb.rules.derive.DottedVersion;
import io.mailflowkb.rules.derive.WindowsReleases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks conditions against the {@link FactVocabulary} and compiles them. Every operand is parsed and checked here,
 * once; the rule engine later only runs the resulting predicates.
 */
final class PatternCompiler {

    static final int MAX_LIST = 50;
    static final int MAX_TEXT_OPERAND = 500;

    private final String file;
    private final List<KnowledgeProblem> problems;
    private final NamedConditions conditions;
    private final WindowsReleases releases;

    /** {@code releases}: the loaded Windows release table, which fields such as windowsRelease read through. */
    PatternCompiler(String file, List<KnowledgeProblem> problems, NamedConditions conditions,
                    WindowsReleases releases) {
        this.file = file;
        this.problems = problems;
        this.conditions = conditions;
        this.releases = releases;
    }

    /** The compiled patterns; a {@code use: NAME} entry becomes the patterns of that named condition. */
    List<CompiledPattern> compile(List<PatternDefinition> patterns) {
        List<CompiledPattern> out = new ArrayList<>();
        for (PatternDefinition p : patterns) {
            if (p.use() != null) {
                if (p.fact() != null || !p.where().isEmpty() || p.absent() || p.atLeast() != null) {
                    problem(p.at(), "a 'use' entry names a condition and takes no fact, where, absent or atLeast");
                }
                List<CompiledPattern> named = conditions.resolve(p.use(), p.at(), file);
                if (named != null) {
                    out.addAll(named);
                }
                continue;
            }
            CompiledPattern c = compile(p);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private CompiledPattern compile(PatternDefinition p) {
        FactType<?> type = p.fact() == null ? null : FactVocabulary.type(p.fact());
        if (type == null) {
            problem(p.at(), "unknown fact type '" + p.fact() + "' (known: "
                    + String.join(", ", FactVocabulary.types().keySet()) + ")");
            return null;
        }
        if (p.atLeast() != null && (p.atLeast() < 1 || p.atLeast() > 1_000_000 || p.absent())) {
            problem(p.at(), "atLeast must be between 1 and 1000000 and cannot be combined with absent");
            return null;
        }
        List<CompiledConstraint> constraints = new ArrayList<>();
        for (ConstraintDefinition c : p.where()) {
            CompiledConstraint cc = compile(type, c);
            if (cc != null) {
                constraints.add(cc);
            }
        }
        constraints.sort(CANONICAL_ORDER);
        return new CompiledPattern(type, constraints, p.absent(), p.atLeast());
    }

    /**
     * Canonical order: equalities first, then by id, so identical prefixes share alpha nodes (safeguard 3). Written
     * out rather than {@code Comparator.comparing(...).thenComparing(...)}, whose lambdas are Serializable and so are
     * spun at run time on every cold start instead of coming from the AOT cache or CDS archive (docs/perf.md).
     */
    static final Comparator<CompiledConstraint> CANONICAL_ORDER = (a, b) -> {
        int equalitiesFirst = Boolean.compare(a.op() != Operator.EQUALS, b.op() != Operator.EQUALS);
        return equalitiesFirst != 0 ? equalitiesFirst : a.id().compareTo(b.id());
    };

    private CompiledConstraint compile(FactType<?> type, ConstraintDefinition c) {
        FactField<?> field = c.field() == null ? null : type.fields().get(c.field());
        if (field == null) {
            problem(c.at(), "fact type " + type.name() + " has no field '" + c.field() + "' (fields: "
                    + String.join(", ", type.fields().keySet()) + ")");
            return null;
        }
        Operator op = c.op() == null ? null : Operator.of(c.op());
        if (op == null) {
            problem(c.at(), "unknown operator '" + c.op() + "' (operators: " + Operator.known() + ")");
            return null;
        }
        if (!op.appliesTo(field.kind())) {
            problem(c.at(), "operator " + op.id() + " does not apply to " + type.name() + "." + field.name()
                    + " (" + field.kind().name().toLowerCase(Locale.ROOT) + ")");
            return null;
        }
        List<Object> raw;
        if (op.takesNoOperand()) {
            if (c.value() != null || !c.values().isEmpty()) {
                problem(c.at(), "operator " + op.id() + " takes no value");
                return null;
            }
            raw = List.of();
        } else if (op.takesList()) {
            if (c.values().isEmpty() || c.value() != null || c.values().size() > MAX_LIST) {
                problem(c.at(), "operator " + op.id() + " needs 'values' with 1 to " + MAX_LIST + " items");
                return null;
            }
            raw = c.values();
        } else {
            if (c.value() == null || !c.values().isEmpty()) {
                problem(c.at(), "operator " + op.id() + " needs one 'value'");
                return null;
            }
            raw = List.of(c.value());
        }
        try {
            List<Object> operands = new ArrayList<>();
            KnowledgeRegex regex = null;
            for (Object o : raw) {
                if (op == Operator.MATCHES) {
                    regex = compileRegex(c, scalar(o));
                    if (regex == null) {
                        return null;
                    }
                } else {
                    operands.add(parse(field, o));
                }
            }
            return new CompiledConstraint(type, field.bound(releases), op, operands, regex,
                    shown(field.name(), op, raw));
        } catch (IllegalArgumentException e) {
            problem(c.at(), type.name() + "." + field.name() + " " + op.id() + ": " + e.getMessage());
            return null;
        }
    }

    /** The regex, or null after recording the problem at the condition's file:line:column. */
    private KnowledgeRegex compileRegex(ConstraintDefinition c, String regex) {
        try {
            return KnowledgeRegex.compile(regex);
        } catch (RegexRejectedException e) {
            problem(c.at(), c.field() + " matches: " + e.withPosition());
            return null;
        }
    }

    private static Object parse(FactField<?> field, Object o) {
        String s = scalar(o);
        return switch (field.kind()) {
            case CHOICE -> field.choice(s);
            case TEXT -> {
                if (s.length() > MAX_TEXT_OPERAND) {
                    throw new IllegalArgumentException("value longer than " + MAX_TEXT_OPERAND + " characters");
                }
                yield s.toLowerCase(Locale.ROOT);
            }
            case NUMBER -> {
                try {
                    yield s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16)
                            : Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "' is not a whole number");
                }
            }
            case BOOLEAN -> {
                if (!s.equals("true") && !s.equals("false")) {
                    throw new IllegalArgumentException("'" + s + "' is not true or false");
                }
                yield Boolean.valueOf(s);
            }
            case VERSION -> {
                long[] v = DottedVersion.parse(s);
                if (v == null) {
                    throw new IllegalArgumentException("'" + s + "' is not a dotted version such as 15.1.2507.6");
                }
                yield v;
            }
        };
    }

    /** How a test reads in explanations; operands as written (they were validated above). */
    private static String shown(String field, Operator op, List<Object> raw) {
        if (op == Operator.EQUALS) {
            return field + "=" + scalar(raw.get(0));
        }
        if (op.takesNoOperand()) {
            return field + " " + op.id();
        }
        List<String> parts = raw.stream().map(PatternCompiler::scalar).toList();
        return field + " " + op.id() + " " + (op.takesList() ? "[" + String.join(", ", parts) + "]" : parts.get(0));
    }

    private static String scalar(Object o) {
        if (o instanceof java.util.Map || o instanceof java.util.Collection) {
            throw new IllegalArgumentException("expected a single value, got a " + (o instanceof java.util.Map ? "mapping" : "list"));
        }
        return String.valueOf(o).strip();
    }

    private void problem(io.mailflowkb.model.knowledge.SourceLocation at, String message) {
        problems.add(KnowledgeProblem.at(at, file, message));
    }
}
