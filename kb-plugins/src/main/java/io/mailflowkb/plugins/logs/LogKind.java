package io.mailflowkb.plugins.logs;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file is, judged from its first bytes, never from its name (logs get renamed, zipped, pasted):
 * Exchange protocol log, message tracking log, e-mail (NDR/DSN), other text, or something not to read.
 */
public enum LogKind {
    PROTOCOL, TRACKING, EMAIL, TEXT, BINARY, EMPTY;

    private static final int SNIFF_LINES = 60;

    /** @param head the first bytes of the file (up to 64 KiB) */
    public static LogKind sniff(byte[] head, int length) {
        if (length == 0) {
            return EMPTY;
        }
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                return BINARY; // also UTF-16 text; Exchange writes its logs in UTF-8
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (control > Math.max(8, length / 50)) {
            return BINARY;
        }
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int replacement = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\uFFFD') {
                replacement++;
            }
        }
        if (replacement > Math.max(16, text.length() / 10)) {
            return BINARY;
        }
        String[] lines = text.split("\r?\n", SNIFF_LINES + 1);
        int csvLike = 0;
        int nonEmpty = 0;
        for (int i = 0; i < Math.min(lines.length, SNIFF_LINES); i++) {
            String raw = lines[i];
            String l = raw.toLowerCase(Locale.ROOT).strip();
            if (l.startsWith("#log-type:")) {
                if (l.contains("message tracking")) {
                    return TRACKING;
                }
                if (l.contains("smtp") && l.contains("protocol")) {
                    return PROTOCOL;
                }
            }
            if (l.startsWith("#fields:")) {
                if (l.contains("session-id") && l.contains("sequence-number")) {
                    return PROTOCOL;
                }
                if (l.contains("event-id") && l.contains("recipient-status")) {
                    return TRACKING;
                }
            }
            if (l.isEmpty()) {
                continue;
            }
            nonEmpty++;
            if (looksLikeProtocolLine(raw)) {
                csvLike++;
            }
        }
        if (looksLikeEmail(lines)) {
            return EMAIL;
        }
        // lines pasted from a protocol log without its header (support articles)
        if (csvLike > 0 && csvLike * 2 >= nonEmpty) {
            return PROTOCOL;
        }
        return TEXT;
    }

    static boolean looksLikeProtocolLine(String raw) {
        String l = MarkdownCleaner.looksDecorated(raw) ? MarkdownCleaner.clean(raw) : raw;
        String[] f = CsvSplitter.split(l, 9);
        if (f.length < 8) {
            return false;
        }
        String ev = f[6].strip();
        return ev.length() == 1 && "+-<>*".indexOf(ev.charAt(0)) >= 0 && !f[3].isBlank()
                && f[3].strip().chars().allMatch(Character::isDigit) && !f[2].isBlank();
    }

    private static boolean looksLikeEmail(String[] lines) {
        int headers = 0;
        boolean mime = false;
        for (int i = 0; i < Math.min(lines.length, SNIFF_LINES); i++) {
            String l = lines[i];
            if (l.isBlank()) {
                return headers >= 2 && mime;
            }
            if (l.charAt(0) == ' ' || l.charAt(0) == '\t') {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0 || !l.substring(0, colon).matches("[A-Za-z0-9-]+")) {
                return false;
            }
            headers++;
            String name = l.substring(0, colon).toLowerCase(Locale.ROOT);
            mime |= name.equals("content-type") || name.equals("mime-version") || name.equals("received")
                    || name.equals("return-path") || name.equals("message-id");
        }
        return headers >= 2 && mime;
    }
}
