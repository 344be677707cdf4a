package io.mailflowkb.rules.knowledge;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The closed set of operators a knowledge condition may use, and the field kinds each applies to. */
public enum Operator {
    EQUALS("equals", EnumSet.allOf(FieldKind.class)),
    NOT_EQUALS("notEquals", EnumSet.allOf(FieldKind.class)),
    IN("in", EnumSet.of(FieldKind.TEXT, FieldKind.NUMBER, FieldKind.VERSION, FieldKind.CHOICE)),
    NOT_IN("notIn", EnumSet.of(FieldKind.TEXT, FieldKind.NUMBER, FieldKind.VERSION, FieldKind.CHOICE)),
    AT_LEAST("atLeast", EnumSet.of(FieldKind.NUMBER)),
    BELOW("below", EnumSet.of(FieldKind.NUMBER)),
    VERSION_AT_LEAST("versionAtLeast", EnumSet.of(FieldKind.VERSION)),
    VERSION_BELOW("versionBelow", EnumSet.of(FieldKind.VERSION)),
    MATCHES("matches", EnumSet.of(FieldKind.TEXT)),
    CONTAINS("contains", EnumSet.of(FieldKind.TEXT)),
    EXISTS("exists", EnumSet.allOf(FieldKind.class)),
    MISSING("missing", EnumSet.allOf(FieldKind.class));

    private final String id;
    private final Set<FieldKind> kinds;

    Operator(String id, Set<FieldKind> kinds) {
        this.id = id;
        this.kinds = kinds;
    }

    public String id() {
        return id;
    }

    public boolean appliesTo(FieldKind kind) {
        return kinds.contains(kind);
    }

    public boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    public boolean takesNoOperand() {
        return this == EXISTS || this == MISSING;
    }

    public static Operator of(String id) {
        for (Operator o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        return null;
    }

    public static String known() {
        StringBuilder b = new StringBuilder();
        for (Operator o : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(o.id);
        }
        return b.toString();
    }

    static String lower(Object o) {
        return o.toString().toLowerCase(Locale.ROOT);
    }
}
