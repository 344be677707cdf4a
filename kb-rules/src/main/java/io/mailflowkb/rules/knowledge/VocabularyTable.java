package io.mailflowkb.rules.knowledge;

import java.util.Locale;
import java.util.Map;

/**
 * The knowledge vocabulary as a Markdown table, generated from {@link FactVocabulary} so the format documentation
 * cannot drift from what the loader accepts (a test compares docs/knowledge-format.md with this output).
 */
public final class VocabularyTable {

    private VocabularyTable() {
    }

    public static String markdown() {
        StringBuilder b = new StringBuilder("| fact | field | kind | operators | meaning |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, FactType<?>> t : FactVocabulary.types().entrySet()) {
            b.append("| **").append(t.getKey()).append("** | | | | ").append(t.getValue().description()).append(" |\n");
            for (FactField<?> f : t.getValue().fields().values()) {
                b.append("| | `").append(f.name()).append("` | ").append(f.kind().name().toLowerCase(Locale.ROOT))
                        .append(" | ").append(operators(f.kind())).append(" | ")
                        .append(meaning(f).replace("|", "\\|")).append(" |\n");
            }
        }
        return b.toString();
    }

    /** A choice field's meaning ends with its spellings, taken from the enum so they cannot drift. */
    private static String meaning(FactField<?> f) {
        return f.kind() == FieldKind.CHOICE ? f.description() + ": " + f.spellings() : f.description();
    }

    private static String operators(FieldKind kind) {
        StringBuilder b = new StringBuilder();
        for (Operator o : Operator.values()) {
            if (o.appliesTo(kind)) {
                b.append(b.length() == 0 ? "" : ", ").append(o.id());
            }
        }
        return b.toString();
    }
}
