package io.mailflowkb.model.regex;

/**
 * Finds the java.util.regex constructs a linear-time engine cannot run, so a knowledge author reads "look-ahead
 * is not supported at column 4" instead of RE2's terser parse error, or worse, a pattern that means something
 * else. Walks the pattern once, skipping escapes, {@code \Q...\E} quotes and character classes.
 */
final class UnsupportedConstructs {

    private UnsupportedConstructs() {
    }

    static void check(String r) {
        int n = r.length();
        int i = 0;
        while (i < n) {
            char c = r.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = r.charAt(i + 1);
                if (e >= '1' && e <= '9') {
                    reject("back-references (\\" + e + ")", i);
                }
                if (e == 'k' && i + 2 < n && r.charAt(i + 2) == '<') {
                    reject("named back-references (\\k<...>)", i);
                }
                if (e == 'Q') {
                    int end = r.indexOf("\\E", i + 2);
                    i = end < 0 ? n : end + 2;
                    continue;
                }
                i += 2;
                continue;
            }
            if (c == '[') {
                i = classEnd(r, i);
                continue;
            }
            if (c == '(' && r.startsWith("(?", i)) {
                if (r.startsWith("(?=", i) || r.startsWith("(?!", i)) {
                    reject("look-ahead (" + r.substring(i, i + 3) + "...)", i);
                }
                if (r.startsWith("(?<=", i) || r.startsWith("(?<!", i)) {
                    reject("look-behind (" + r.substring(i, i + 4) + "...)", i);
                }
                if (r.startsWith("(?>", i)) {
                    reject("atomic groups ((?>...))", i);
                }
            }
            if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < n && r.charAt(i + 1) == '+') {
                reject("possessive quantifiers (" + c + "+)", i);
            }
            i++;
        }
    }

    /** Index just after the character class opening at {@code open} (or the end of the pattern). */
    private static int classEnd(String r, int open) {
        int i = open + 1;
        if (i < r.length() && r.charAt(i) == '^') {
            i++;
        }
        if (i < r.length() && r.charAt(i) == ']') {
            i++; // a leading ] is a literal
        }
        while (i < r.length()) {
            char c = r.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == ']') {
                return i + 1;
            }
            i++;
        }
        return r.length();
    }

    private static void reject(String what, int index) {
        throw new RegexRejectedException(what + " not supported: knowledge regexes run on a linear-time engine"
                + " (RE2 syntax)", index + 1);
    }
}
