package io.mailflowkb.plugins.logs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wu-Manber multi-literal search, case-insensitive: with the shortest literal {@code m} characters long, the
 * scan looks at the three characters ending at position {@code pos} and jumps ahead by up to {@code m - 2}
 * characters when that block does not occur in any literal's first {@code m} characters (hashed into 64 Ki
 * slots; a collision only makes a jump shorter, never wrong). Lines that show no
 * symptom (nearly all of them) are skipped over in strides instead of read character by character. Candidates
 * are confirmed with {@link String#regionMatches(boolean, int, String, int, int)}.
 */
final class ShiftTable {

    static final int MIN_LENGTH = 6;
    private static final int MAX_WINDOW = 64;
    private static final int BITS = 16;
    private static final int SIZE = 1 << BITS;

    /** Each byte value ASCII-lower-cased, for confirming a candidate. */
    private static final int[] LOWER = new int[256];

    static {
        for (int c = 0; c < 256; c++) {
            LOWER[c] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
    }

    private final int m;
    private final int[] shift;
    private final int[][] candidates;

    private ShiftTable(int m, int[] shift, int[][] candidates) {
        this.m = m;
        this.shift = shift;
        this.candidates = candidates;
    }

    /** The table for these lower-cased literals, or {@code null} when one is too short for skipping to pay. */
    static ShiftTable build(String[] literals) {
        if (literals.length == 0) {
            return null;
        }
        int m = MAX_WINDOW;
        for (String l : literals) {
            m = Math.min(m, l.length());
        }
        if (m < MIN_LENGTH) {
            return null;
        }
        int[] shift = new int[SIZE];
        Arrays.fill(shift, m - 2);
        List<List<Integer>> cand = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            cand.add(null);
        }
        for (int l = 0; l < literals.length; l++) {
            String lit = literals[l];
            for (int q = 2; q < m; q++) {
                int h = hash(lit.charAt(q - 2), lit.charAt(q - 1), lit.charAt(q));
                shift[h] = Math.min(shift[h], m - 1 - q);
            }
            int h = hash(lit.charAt(m - 3), lit.charAt(m - 2), lit.charAt(m - 1));
            if (cand.get(h) == null) {
                cand.set(h, new ArrayList<>());
            }
            cand.get(h).add(l);
        }
        int[][] candidates = new int[SIZE][];
        for (int i = 0; i < SIZE; i++) {
            candidates[i] = cand.get(i) == null ? null : cand.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new ShiftTable(m, shift, candidates);
    }

    /** Marks {@code hit[def]} for every literal found in {@code text}; true when any was found. */
    boolean scan(String text, String[] literals, int[] literalDef, boolean[] hit) {
        int len = text.length();
        int pos = m - 1;
        boolean any = false;
        while (pos < len) {
            int h = hash(text.charAt(pos - 2), text.charAt(pos - 1), text.charAt(pos));
            int s = shift[h];
            if (s > 0) {
                pos += s;
                continue;
            }
            int[] c = candidates[h];
            if (c != null) {
                int start = pos - m + 1;
                int first = lower(text.charAt(start));
                for (int l : c) {
                    String lit = literals[l];
                    if (lit.charAt(0) == first && !hit[literalDef[l]] && start + lit.length() <= len
                            && text.regionMatches(true, start, lit, 0, lit.length())) {
                        hit[literalDef[l]] = true;
                        any = true;
                    }
                }
            }
            pos++;
        }
        return any;
    }

    /**
     * Whether any literal occurs in the bytes (ASCII literals only; the caller checks {@link #asciiOnly}).
     * Same search as {@link #scan} without making a String of the line.
     */
    boolean any(byte[] b, int off, int length, String[] literals) {
        int end = off + length;
        int pos = off + m - 1;
        int[] shift = this.shift;
        while (pos < end) {
            // the hash folds with | 0x20 like hash(): no table look-ups per byte (C1 checks each one's bounds)
            int h = mix(b[pos - 2] | 0x20, b[pos - 1] | 0x20, b[pos] | 0x20);
            int s = shift[h];
            if (s > 0) {
                pos += s;
                continue;
            }
            int[] c = candidates[h];
            if (c != null) {
                int start = pos - m + 1;
                for (int l : c) {
                    String lit = literals[l];
                    if (start + lit.length() <= end && matches(b, start, lit)) {
                        return true;
                    }
                }
            }
            pos++;
        }
        return false;
    }

    static boolean asciiOnly(String[] literals) {
        for (String l : literals) {
            for (int i = 0; i < l.length(); i++) {
                if (l.charAt(i) >= 128) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(byte[] b, int start, String lit) {
        for (int i = 0; i < lit.length(); i++) {
            if (lowerByte(b[start + i]) != lit.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int lowerByte(byte x) {
        return LOWER[x & 0xFF];
    }

    /**
     * Hashes three characters as folded by {@code lower(c) | 0x20}: coarser than lower-casing (a few ASCII
     * punctuation marks share a value with another), which only shortens some jumps, and the byte search can
     * fold with one OR. Characters that match case-insensitively still hash alike.
     */
    private static int hash(char a, char b, char c) {
        return mix(lower(a) | 0x20, lower(b) | 0x20, lower(c) | 0x20);
    }

    private static int mix(int a, int b, int c) {
        return ((a << 10) ^ (b << 5) ^ c ^ (a >>> 6 << 15)) & (SIZE - 1);
    }

    private static int lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
        return Character.toLowerCase(c);
    }
}
