package io.mailflowkb.plugins.logs;

import io.mailflowkb.plugins.input.TextEncoding;
import io.mailflowkb.plugins.powershell.FormatListReader;
import java.util.Locale;

/**
 * What a file is, judged from its first bytes, never from its name (logs get renamed, zipped, pasted):
 * Exchange protocol log, message tracking log, e-mail (NDR/DSN), other text, or something not to read.
 */
public enum LogKind {
    PROTOCOL, TRACKING, EMAIL, QUEUE, MESSAGE_TRACE, TEXT, BINARY, EMPTY;

    private static final int SNIFF_LINES = 60;

    /** @param head the first bytes of the file (up to 64 KiB), in any encoding {@link TextEncoding} knows */
    public static LogKind sniff(byte[] head, int length) {
        if (length == 0) {
            return EMPTY;
        }
        TextEncoding e = TextEncoding.detect(head, length);
        return e == null ? BINARY : sniff(e.decodeHead(head, length));
    }

    /** @param text the decoded head of a text file (see {@link io.mailflowkb.model.spi.EvidenceFile#headText()}) */
    public static LogKind sniff(String text) {
        if (text == null) {
            return BINARY;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return EMPTY;
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
        if (looksLikeMessageTrace(lines)) {
            return MESSAGE_TRACE;
        }
        if (looksLikeQueue(text)) {
            return QUEUE;
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

    /** {@code Get-Queue | Format-List}: Format-List records with the queue's own properties. */
    private static boolean looksLikeQueue(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return (lower.contains("lasterror") || lower.contains("nexthopdomain")) && lower.contains("deliverytype")
                && FormatListReader.looksLikeFormatList(text, 3);
    }

    /**
     * Exchange Online message trace exports: {@code Get-MessageTraceV2 | Export-Csv} (a {@code #TYPE} line may
     * come first) or the historical search CSV (README.md, Inputs and outputs).
     */
    private static boolean looksLikeMessageTrace(String[] lines) {
        for (int i = 0; i < Math.min(lines.length, 3); i++) {
            String l = lines[i].toLowerCase(Locale.ROOT).replace("\"", "");
            if (l.startsWith("#type") || l.isBlank()) {
                continue;
            }
            return l.contains(",") && (l.contains("messagetraceid")
                    || l.contains("senderaddress") && l.contains("recipientaddress") && l.contains("status")
                    || l.contains("origin_timestamp") || l.contains("date_time_utc") && l.contains("event_id")
                    || l.contains("recipient_status") && l.contains("sender_address"));
        }
        return false;
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
