package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Provenance;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any text input that is not a known Exchange log: application logs, {@code Get-Queue} output, text copied from
 * an article. Every line is matched against the knowledge symptoms; queue {@code LastError} lines are matched on
 * the remote's answer only and count as outbound (the queue belongs to the sending server) with the next hop's
 * class. Decorated lines (Markdown) are retried cleaned when the raw line shows nothing.
 */
final class TextLogScanner {

    private static final Pattern LEADING_TIME = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?");

    private final String source;
    private final ScanContext ctx;

    TextLogScanner(String source, ScanContext ctx) {
        this.source = source;
        this.ctx = ctx;
    }

    void read(TextLineReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            ctx.tick();
            if (line.isEmpty()) {
                continue;
            }
            int no = (int) Math.min(Integer.MAX_VALUE, in.lineNumber());
            scanLine(line, no, leadingTime(line));
        }
    }

    void scanLine(String line, int no, String time) {
        Provenance where = Provenance.of(source, no);
        QueueErrorParser.QueueError q = QueueErrorParser.parse(line);
        if (q == null && MarkdownCleaner.looksDecorated(line)) {
            q = QueueErrorParser.parse(MarkdownCleaner.clean(line));
        }
        if (q != null) {
            String peer = q.fqdn() == null && q.ip() == null ? ExoEndpoints.UNKNOWN
                    : ctx.matcher().peers().classify(q.fqdn(), q.ip());
            ctx.symptoms(q.inner(), q.inner(), "outbound", peer, null, time, where);
            return;
        }
        if (!ctx.symptoms(line, line, null, null, null, time, where) && MarkdownCleaner.looksDecorated(line)) {
            String clean = MarkdownCleaner.clean(line);
            ctx.symptoms(clean, clean, null, null, null, time, where);
        }
    }

    static String leadingTime(String line) {
        if (line.length() < 19 || line.charAt(4) != '-' || !Character.isDigit(line.charAt(0))) {
            return null;
        }
        Matcher m = LEADING_TIME.matcher(line);
        return m.find() ? m.group() : null;
    }
}
