package io.mailflowkb.rules.derive;

import java.util.Comparator;

/**
 * The one parser of dotted build numbers such as {@code 15.1.2507.6}: Exchange builds in facts, the build table
 * and {@code versionAtLeast} operands in the knowledge, and the Exchange baselines all read them here, so they can
 * never disagree on what a build is. Parts are compared numerically; missing trailing parts count as 0.
 */
public final class DottedVersion {

    /** At most this many parts, of at most {@link #MAX_DIGITS} digits each. */
    static final int MAX_PARTS = 6;
    static final int MAX_DIGITS = 9;

    /** Numeric order of dotted numbers; text that is not one sorts first, by its text. */
    public static final Comparator<String> ORDER = (x, y) -> {
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

    /**
     * Parsed parts, or {@code null} when the text (surrounding spaces aside) is not one to six dot-separated parts
     * of one to nine ASCII digits (no signs, no empty parts). A scan, not a regex: rules compare version fields
     * with it.
     */
    public static long[] parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        long[] parts = new long[MAX_PARTS];
        int count = 0;
        int digits = 0;
        long part = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_DIGITS) {
                    return null;
                }
                part = part * 10 + (c - '0');
            } else if (c == '.' && digits > 0 && count < MAX_PARTS) {
                parts[count++] = part;
                part = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return java.util.Arrays.copyOf(parts, count);
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
