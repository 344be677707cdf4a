package io.mailflowkb.plugins.psobject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading {@link PsValue}s as the plain values facts hold: text, lists, booleans, numbers. The same rules apply to
 * every form: an object's display string ({@code <ToString>}) first, its primitive second (decoded by the caller's
 * enum table when it is a number), a Format-List {@code {a, b}} collection already split by its reader.
 */
public final class PsText {

    private PsText() {
    }

    /** The value as one line of text, or {@code null} for {@code $null}, absent and empty values. */
    public static String text(PsValue v) {
        if (v == null || v instanceof PsValue.Nil) {
            return null;
        }
        if (v instanceof PsValue.Scalar s) {
            return s.text() == null || s.text().isBlank() ? null : s.text().strip();
        }
        PsValue.Obj o = (PsValue.Obj) v;
        if (o.display() != null && !o.display().isBlank()) {
            return o.display().strip();
        }
        if (o.primitive() != null) {
            return text(o.primitive());
        }
        if (!o.items().isEmpty()) {
            return String.join(", ", list(o));
        }
        return null;
    }

    /** A collection as its items' texts; a single value as a one-item list; {@code $null} as an empty list. */
    public static List<String> list(PsValue v) {
        List<String> out = new ArrayList<>();
        if (v == null || v instanceof PsValue.Nil) {
            return out;
        }
        if (v instanceof PsValue.Obj o && (!o.items().isEmpty() || isCollection(o))) {
            for (PsValue item : o.items()) {
                String t = text(item);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }
        String t = text(v);
        if (t != null) {
            out.add(t);
        }
        return out;
    }

    private static boolean isCollection(PsValue.Obj o) {
        return o.display() == null && o.primitive() == null && o.members().isEmpty();
    }

    /** {@code true}/{@code false} in any casing (CLIXML {@code <B>}, JSON, Format-List {@code True}), else null. */
    public static Boolean bool(PsValue v) {
        String t = text(v);
        if (t == null) {
            return null;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "$true" -> Boolean.TRUE;
            case "false", "$false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A whole number, or {@code null}. */
    public static Long number(PsValue v) {
        String t = v instanceof PsValue.Obj o && o.primitive() != null ? text(o.primitive()) : text(v);
        if (t == null) {
            return null;
        }
        try {
            return Long.parseLong(t.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An enum: the display string when there is one (CLIXML {@code <ToString>}, JSON {@code -EnumsAsStrings},
     * Format-List), else the number decoded with {@code table}. Unknown numbers are returned as digits.
     */
    public static String enumValue(PsValue v, EnumTable table) {
        if (v instanceof PsValue.Obj o && o.display() != null && !o.display().isBlank()) {
            return o.display().strip();
        }
        Long n = number(v);
        if (n != null) {
            return table.name(n);
        }
        return text(v);
    }

    /** A flags enum as its flag names ({@code Tls, Integrated} or the number 3 both give [Tls, Integrated]). */
    public static List<String> flags(PsValue v, EnumTable table) {
        String t = enumValue(v, table);
        List<String> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (String part : t.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
