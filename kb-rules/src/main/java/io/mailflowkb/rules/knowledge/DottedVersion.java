package io.mailflowkb.rules.knowledge;

/** Compares dotted build numbers such as {@code 15.1.2507.6} numerically, part by part. */
public final class DottedVersion {

    /** Numeric order of dotted numbers; text that is not one sorts first, by its text. */
    public static final java.util.Comparator<String> ORDER = (x, y) -> {
        long[] a = parse(x);
        long[] b = parse(y);
        if (a == null || b == null) {
            return a == null && b == null ? String.valueOf(x).compareTo(String.valueOf(y)) : a == null ? -1 : 1;
        }
        int c = compare(a, b);
        return c != 0 ? c : x.compareTo(y);
    };

    private DottedVersion() {
    }

    /** Parsed parts, or {@code null} when the text is not a dotted number. */
    public static long[] parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split("\\.");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (out[i] < 0) {
                return null;
            }
        }
        return out;
    }

    public static int compare(long[] a, long[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? a[i] : 0;
            long y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }
}
