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
    /**
     * What GitHub and other renderers turn into links on their own (extended autolinks): {@code scheme://...},
     * {@code www....} and e-mail addresses. Escaping does not stop them, since autolinking runs on the text after
     * escapes are resolved, so such tokens go into code spans, where nothing is ever linked.
     */
    private static final Pattern AUTOLINKABLE = Pattern.compile(
            "(?i)[a-z][a-z0-9+.\\-]*://\\S*|\\bwww\\.\\S+|[^\\s@<>()\\[\\]`*|]+@[^\\s@]+\\.[^\\s@]+");

    private MarkdownText() {
    }

    /**
     * Running text: structure characters escaped, line breaks folded to spaces. Characters that are harmless
     * where they stand stay unescaped, so the raw text still reads well in a ticket that shows it unrendered:
     * a backslash only before punctuation (registry paths keep single backslashes), list and heading markers
     * only first. URLs, {@code www.} names and e-mail addresses become code spans so they are never linked.
     */
    static String inline(String s) {
        return text(s, false);
    }

    /**
     * A table cell: like {@link #inline}. Pipes are escaped, inside code spans too: GitHub splits a row at every
     * unescaped pipe before it looks for code spans, and removes the backslash of an escaped one afterwards.
     */
    static String cell(String s) {
        return text(s, true);
    }

    private static String text(String s, boolean cell) {
        if (s == null) {
            return "";
        }
        String text = oneLine(s);
        StringBuilder b = new StringBuilder(text.length() + 16);
        Matcher m = AUTOLINKABLE.matcher(text);
        int at = 0;
        while (m.find()) {
            b.append(escapeRun(text.substring(at, m.start()), at == 0));
            String code = code(m.group());
            b.append(cell ? code.replace("|", "\\|") : code);
            at = m.end();
        }
        return b.append(escapeRun(text.substring(at), at == 0)).toString();
    }

    private static String escapeRun(String text, boolean startOfLine) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        int orderedMarker = startOfLine ? orderedItemMarker(text) : -1;
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
                default -> {
                    if (ALWAYS.indexOf(c) >= 0 || startOfLine && i == 0 && LINE_START.indexOf(c) >= 0) {
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

    /**
     * A code span: the text shows literally (nothing inside a code span is interpreted), fenced with one more
     * backtick than the longest run inside it. Pipes still end a table cell inside code spans on GitHub: in
     * tables use {@link #cell}, which escapes them.
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
