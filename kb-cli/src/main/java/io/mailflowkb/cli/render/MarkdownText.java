package io.mailflowkb.cli.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping for Markdown built from untrusted text (log lines, registry data, user knowledge). The goal is that
 * input text can never add structure: no links, images, HTML, emphasis, headings, list items or broken tables.
 * GitHub-flavoured Markdown honours a backslash before any ASCII punctuation, so escaping generously is safe;
 * {@code <} and {@code >} become entities because a backslash does not stop every renderer from seeing a tag.
 */
final class MarkdownText {

    /** Characters that start or end inline constructs anywhere in a line: always escaped. */
    private static final String ALWAYS = "`*_[]|~#@";
    /** Characters that only mean something at the start of a line (headings, list items, setext underlines). */
    private static final String LINE_START = "-+=";
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownText() {
    }

    /**
     * Running text: structure characters escaped, line breaks folded to spaces. Characters that are harmless
     * where they stand stay unescaped, so the raw text still reads well in a ticket that shows it unrendered:
     * a backslash only before punctuation (registry paths keep single backslashes), {@code ://} and
     * {@code www.} broken up so GitHub does not autolink a hostile URL, list and heading markers only first.
     */
    static String inline(String s) {
        if (s == null) {
            return "";
        }
        String text = oneLine(s);
        StringBuilder b = new StringBuilder(text.length() + 16);
        int orderedMarker = orderedItemMarker(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i == orderedMarker) {
                b.append('\\').append(c);
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\' -> b.append(next == '\0' || ASCII_PUNCTUATION.indexOf(next) >= 0 ? "\\\\" : "\\");
                case ':' -> b.append(text.startsWith("//", i + 1) ? "\\:" : ":");
                case '.' -> b.append(i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3) ? "\\." : ".");
                default -> {
                    if (ALWAYS.indexOf(c) >= 0 || i == 0 && LINE_START.indexOf(c) >= 0) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /**
     * Where "1." or "1)" at the start would begin an ordered list: the index of the dot or parenthesis, which is
     * the character to escape (a backslash before a digit would show as a backslash); -1 otherwise.
     */
    private static int orderedItemMarker(String text) {
        int i = 0;
        while (i < text.length() && i < 10 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        boolean marker = i > 0 && i < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ')')
                && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
        return marker ? i : -1;
    }

    /** A table cell: like {@link #inline}, which already escapes the pipe that would end the cell. */
    static String cell(String s) {
        return inline(s);
    }

    /**
     * A code span: the text shows literally (nothing inside a code span is interpreted), fenced with one more
     * backtick than the longest run inside it. Pipes still end a table cell inside code spans on GitHub, so
     * callers must not use code spans in tables.
     */
    static String code(String s) {
        String text = oneLine(s == null ? "" : s);
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        // a space on each side keeps a leading or trailing backtick from merging with the fence
        boolean pad = text.startsWith("`") || text.endsWith("`") || text.isEmpty();
        return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
    }

    /** A fenced code block whose fence is longer than any backtick run in the content, so content cannot end it. */
    static String fenced(String content, String info) {
        int longest = 2;
        Matcher m = BACKTICKS.matcher(content);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String body = content.endsWith("\n") ? content : content + "\n";
        return fence + (info == null ? "" : info) + "\n" + body + fence + "\n";
    }

    /**
     * A link target: only http(s) URLs become links (a {@code javascript:} URL from user knowledge must not),
     * with characters that would end the destination percent-encoded.
     */
    static String link(String title, String url) {
        String t = inline(title == null || title.isBlank() ? url : title);
        if (url == null || !url.matches("(?i)https?://[^\\s]+")) {
            return t + (url == null ? "" : " (" + code(url) + ")");
        }
        String target = url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
                .replace(" ", "%20").replace("\"", "%22");
        return "[" + t + "](" + target + ")";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+\\s*", " ").replace('\t', ' ');
    }
}
