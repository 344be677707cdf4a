package io.mailflowkb.plugins.probe;

import java.util.List;
import java.util.Locale;

/**
 * One (possibly multi-line) SMTP reply: {@code 250-first}, {@code 250 last}.
 *
 * @param code  the three-digit reply code
 * @param lines the text of each line after the code and separator
 */
record SmtpReply(int code, List<String> lines) {

    SmtpReply {
        lines = List.copyOf(lines);
    }

    boolean positive() {
        return code >= 200 && code < 400;
    }

    /** The reply as the server sent it, lines joined with " / " (e.g. {@code 454 4.7.0 TLS not available ...}). */
    String text() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? "" : " / ").append(code).append(' ').append(lines.get(i));
        }
        return b.toString().strip();
    }

    /** Whether an EHLO reply lists the keyword (first word of a line after the greeting line). */
    boolean hasKeyword(String keyword) {
        return keywordLine(keyword) != null;
    }

    /** The parameters following an EHLO keyword (e.g. AUTH mechanisms), or {@code null} when not offered. */
    String keywordLine(String keyword) {
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            String first = l.split("[ =]", 2)[0].toUpperCase(Locale.ROOT);
            if (first.equals(keyword)) {
                return l.length() > keyword.length() ? l.substring(keyword.length() + 1).strip() : "";
            }
        }
        return null;
    }
}
