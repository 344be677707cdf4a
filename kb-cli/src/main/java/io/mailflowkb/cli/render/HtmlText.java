package io.mailflowkb.cli.render;

/**
 * Escaping for HTML built from untrusted text. Escapes the five characters that can end text or an attribute
 * value ({@code & < > " '}), so the same function is safe for element content and quoted attributes; input text
 * is never emitted as markup, only as text.
 */
final class HtmlText {

    private HtmlText() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether a URL may become an {@code href}: only absolute http(s), never {@code javascript:} or {@code data:}. */
    static boolean linkable(String url) {
        return url != null && url.matches("(?i)https?://[^\\s\"'<>]+");
    }
}
