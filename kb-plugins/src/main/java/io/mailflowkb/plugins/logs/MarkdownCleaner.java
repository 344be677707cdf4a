package io.mailflowkb.plugins.logs;

/**
 * Undoes what Markdown does to log lines pasted into documentation: list indentation, {@code > } quote
 * prefixes, {@code \*} / {@code \<} escapes, {@code **bold**} spans, backticks around names, trailing
 * double spaces (hard line breaks). The corpus files from Microsoft's support articles carry all of these
 * (KB4051498, KB4495258). Callers use it only on lines that do not parse as they are, so a real log whose
 * data happens to contain {@code **} or a backslash is left alone.
 */
public final class MarkdownCleaner {

    private MarkdownCleaner() {
    }

    /** Whether the line shows any decoration this class would remove. */
    public static boolean looksDecorated(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        return c == ' ' || c == '\t' || c == '>' || c == '-' || line.indexOf('\\') >= 0 || line.indexOf('`') >= 0
                || line.contains("**") || line.endsWith("  ");
    }

    public static String clean(String line) {
        String s = line.strip();
        // list bullets and quote markers, possibly nested: "- > text", "> > text"
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            if (s.startsWith(">") || s.startsWith("- ") || s.startsWith("* ")) {
                s = s.substring(1).stripLeading();
                changed = true;
            }
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && isEscapable(s.charAt(i + 1))) {
                b.append(s.charAt(++i));
            } else if (c == '*' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                i++;
            } else if (c != '`') {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    private static boolean isEscapable(char c) {
        return "\\`*_{}[]()#+-.!<>|\"'".indexOf(c) >= 0;
    }
}
