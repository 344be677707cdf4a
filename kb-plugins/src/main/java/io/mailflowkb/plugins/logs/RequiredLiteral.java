package io.mailflowkb.plugins.logs;

import java.util.Locale;

/**
 * The longest run of plain characters that every match of a symptom regex must contain, lower-cased, so the
 * matcher can look for that literal with its skip search and run the regex only on the few lines that hold it (what
 * grep does with a regex's literal part). One regex in the shipped knowledge ({@code \b5\.7\.230 Connecting ...})
 * otherwise sends every line of a 1 GB log through the regex engine: 14x slower.
 *
 * <p>Deliberately conservative: only runs of literal characters at the top level of the pattern count (a group,
 * a class, an escape like {@code \d}, {@code .} or an anchor ends a run; a quantifier takes back the character it
 * applies to), any top-level {@code |} or any escape it does not know means "no literal", and so do letters whose
 * case-insensitive match includes a non-ASCII character ({@code k} matches the Kelvin sign and {@code s} the
 * long s under the regex engine's Unicode case folding), so the byte-level search, which folds ASCII only, can
 * never miss a line the regex would match. Runs shorter than {@code minLength} are not worth it.
 */
final class RequiredLiteral {

    private RequiredLiteral() {
    }

    /** The literal, or {@code null} when the pattern has none of at least {@code minLength} characters. */
    static String of(String regex, int minLength) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int n = regex.length();
        int i = 0;
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '|' -> {
                    return null;
                }
                case '(' -> {
                    best = longer(best, run);
                    i = skipGroup(regex, i);
                    if (i < 0) {
                        return null;
                    }
                    continue;
                }
                case '[' -> {
                    best = longer(best, run);
                    i = skipClass(regex, i);
                    if (i < 0) {
                        return null;
                    }
                    continue;
                }
                case '*', '?', '{' -> {
                    // the character before is optional (or, for {n,m}, possibly repeated): drop it, end the run
                    if (run.length() > 0) {
                        run.setLength(run.length() - 1);
                    }
                    best = longer(best, run);
                    if (c == '{') {
                        int close = regex.indexOf('}', i);
                        if (close < 0) {
                            return null;
                        }
                        i = close + 1;
                        continue;
                    }
                }
                case '+', '.', '^', '$', ')' -> best = longer(best, run); // '+' keeps its character: once is certain
                case '\\' -> {
                    if (i + 1 >= n) {
                        return null;
                    }
                    char e = regex.charAt(i + 1);
                    i += 2;
                    if (!Character.isLetterOrDigit(e) && e < 128) {
                        if (!append(run, e)) {
                            best = longer(best, run);
                        }
                    } else if ("bBdDsSwWAz".indexOf(e) >= 0) {
                        best = longer(best, run);
                    } else {
                        return null; // \p{..}, \x.., \Q, octal, \n and the like: not worth modelling
                    }
                    continue;
                }
                default -> {
                    if (!append(run, c)) {
                        best = longer(best, run);
                    }
                }
            }
            i++;
        }
        best = longer(best, run);
        return best.length() >= minLength ? best.toLowerCase(Locale.ROOT) : null;
    }

    /** Appends a plain character, or ends the run (returns false) on one the byte search cannot fold. */
    private static boolean append(StringBuilder run, char c) {
        char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        if (c >= 128 || c < 0x20 || lower == 'k' || lower == 's') {
            return false;
        }
        run.append(c);
        return true;
    }

    /** Keeps the longer of the best run so far and the current one, and empties the current one. */
    private static String longer(String best, StringBuilder run) {
        String r = run.toString();
        run.setLength(0);
        return r.length() > best.length() ? r : best;
    }

    /** Index after the group opened at {@code open}, or -1 when it does not close. */
    private static int skipGroup(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(regex, i) - 1;
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Index after the character class opened at {@code open} ({@code []a]} and {@code [^]a]} hold a ']'). */
    private static int skipClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
                int close = regex.indexOf(":]", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else if (c == ']') {
                return i + 1;
            }
        }
        return -1;
    }
}
