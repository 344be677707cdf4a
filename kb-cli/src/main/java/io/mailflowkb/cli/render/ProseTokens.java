package io.mailflowkb.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The pieces a line of prose may be broken between. Words, except where a space is part of something a reader
 * copies: a registry path keeps the spaces of its key names ({@code ...\Protocols\TLS 1.2\Client},
 * {@code ...\NET Framework Setup\NDP}), and a quoted text with a backslash in it (a quoted path or command) stays
 * one piece. A path's continuation is recognised by what Windows key names look like: at most two words that each
 * start with a capital or a digit, then a word that goes on with a backslash ({@code 1.2\Client}), or a version
 * number after the last key ({@code ...\TLS 1.2}). Lowercase prose words ({@code and}, {@code or}) end a path, so
 * {@code \Client and \Server} still breaks at the spaces.
 */
final class ProseTokens {

    /** Longest quoted text kept whole; a stray quote mark must not glue a whole paragraph together. */
    private static final int MAX_QUOTED = 200;
    /** Words with spaces inside one key name: {@code NET Framework Setup}, {@code Triple DES 168}. */
    private static final int MAX_GAP = 2;
    private static final Pattern VERSION = Pattern.compile("\\d+(?:[./]\\d+)*[.,;:)]?");

    private ProseTokens() {
    }

    /** {@code text} split at the whitespace a line may break at; each piece's inner whitespace is one space. */
    static List<String> of(String text) {
        String[] words = text.strip().split("\\s+");
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < words.length) {
            int end = quotedEnd(words, i);
            if (end < 0) {
                end = pathEnd(words, i);
            }
            out.add(String.join(" ", java.util.Arrays.asList(words).subList(i, end + 1)));
            i = end + 1;
        }
        return out;
    }

    /** The last word of a quoted text starting at {@code start} that holds a backslash, or -1. */
    private static int quotedEnd(String[] words, int start) {
        String w = words[start];
        if (!w.startsWith("\"") || w.length() > 1 && w.endsWith("\"") && !w.endsWith("\\\"")) {
            return -1;
        }
        int length = 0;
        boolean backslash = false;
        for (int j = start; j < words.length && length <= MAX_QUOTED; j++) {
            length += words[j].length() + 1;
            backslash |= words[j].indexOf('\\') >= 0;
            if (j > start && stripTrailing(words[j]).endsWith("\"")) {
                return backslash && length <= MAX_QUOTED ? j : -1;
            }
        }
        return -1;
    }

    /** The last word of the registry path starting at {@code start}, or {@code start} when it is a plain word. */
    private static int pathEnd(String[] words, int start) {
        if (words[start].indexOf('\\') < 0) {
            return start;
        }
        int end = start;
        while (true) {
            int next = continuation(words, end + 1);
            if (next < 0) {
                return end;
            }
            end = next;
        }
    }

    /** The last word of the path's continuation beginning at {@code from}, or -1 when the path ends before it. */
    private static int continuation(String[] words, int from) {
        if (endsClause(words[from - 1])) {
            return -1;
        }
        for (int j = from; j < words.length && j <= from + MAX_GAP; j++) {
            String w = words[j];
            if (continuesPath(w)) {
                return j;
            }
            if (j == from && VERSION.matcher(w).matches() && endsInKeyName(words[from - 1])) {
                return j;
            }
            if (!startsLikeKeyName(w) || endsClause(w)) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code 1.2\Client}, {@code Setup\NDP\v4\Full}: a word that goes on with a backslash, not a new path. */
    private static boolean continuesPath(String w) {
        int slash = w.indexOf('\\');
        if (slash <= 0) {
            return false;
        }
        String head = w.substring(0, slash);
        return Character.isLetterOrDigit(head.charAt(0)) && head.indexOf(':') < 0 && head.indexOf('"') < 0 && !head.toUpperCase(Locale.ROOT).startsWith("HK");
    }

    /** A path or key name followed by a comma, semicolon or bracket has ended: what follows is a new piece. */
    private static boolean endsClause(String w) {
        char c = w.charAt(w.length() - 1);
        return c == ',' || c == ';' || c == ')' || c == ':';
    }

    private static boolean startsLikeKeyName(String w) {
        char c = w.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c);
    }

    /** The word's last key name is a name ({@code TLS}), so a version number may follow it ({@code TLS 1.2}). */
    private static boolean endsInKeyName(String w) {
        String last = w.substring(w.lastIndexOf('\\') + 1);
        return !last.isEmpty() && Character.isLetter(last.charAt(last.length() - 1));
    }

    private static String stripTrailing(String w) {
        int end = w.length();
        while (end > 0 && ".,;:)".indexOf(w.charAt(end - 1)) >= 0) {
            end--;
        }
        return w.substring(0, end);
    }
}
