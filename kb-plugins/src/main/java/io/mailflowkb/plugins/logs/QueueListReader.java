package io.mailflowkb.plugins.logs;

import io.mailflowkb.plugins.powershell.FormatList;
import io.mailflowkb.plugins.powershell.FormatListReader;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.ServerName;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Get-Queue | Format-List} text: each property is matched with its wrapped continuation lines joined (a
 * {@code LastError} wraps at the console width), as {@code Name : value} on the property's first line, so the
 * queue error parser sees the whole error. A collection PowerShell cut ({@code $FormatEnumerationLimit}) is a
 * warning that says how to export it whole. Lines around the records are scanned as plain text.
 */
final class QueueListReader {

    private final String source;
    private final ScanContext ctx;
    private final TextLogScanner text;

    /** {@code EX02\42}, {@code EX02\Submission}, {@code EX02\Shadow\3}: the server, then the queue. */
    private static final Pattern IDENTITY = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]{0,62})\\\\\\S.*");

    private static final Pattern LRT = Pattern.compile("\\{LRT=([^}]{1,40})\\}");
    private static final List<DateTimeFormatter> QUEUE_TIMES = List.of(
            DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("d.M.uuuu H:mm:ss", Locale.ROOT));

    private final Set<String> servers = new HashSet<>();

    QueueListReader(String source, ScanContext ctx) {
        this.source = source;
        this.ctx = ctx;
        this.text = new TextLogScanner(source, ctx);
    }

    /** The server a queue's Identity names, once per server and file (the report header's fallback name). */
    private void serverOf(String identity, int line) {
        Matcher m = IDENTITY.matcher(identity.strip());
        if (m.matches() && servers.add(m.group(1).toUpperCase(Locale.ROOT))) {
            ctx.sink().fact(new ServerName(m.group(1), ServerName.Basis.QUEUE_IDENTITY, Provenance.of(source, line)));
        }
    }

    /** The record's {@code LastRetryTime}: when the server last tried this queue's next hop (and failed). */
    private static String retryTime(FormatList.Record r) {
        for (FormatList.Property p : r.properties()) {
            if (p.name().equalsIgnoreCase("LastRetryTime")) {
                return localTime(p.value());
            }
        }
        return null;
    }

    /** The {@code LRT=} of a structured LastError ({@code {LRT=3/1/2024 10:05:00 AM}}), else the record's time. */
    private static String lastRetry(String value, String recordTime) {
        Matcher m = LRT.matcher(value);
        String lrt = m.find() ? localTime(m.group(1)) : null;
        return lrt != null ? lrt : recordTime;
    }

    /**
     * A queue time as Get-Queue prints it, in the server's local time and culture, as a local ISO time
     * ({@code 2024-03-01T10:05:00}), or {@code null}: {@code 3/1/2024 10:05:00 AM} (month first, as the AM/PM
     * cultures write it) and {@code 01.03.2024 10:05:00} (day first) are read; a day/month order the text does not
     * settle ({@code 01/03/2024 10:05:00}) is not guessed.
     */
    static String localTime(String text) {
        String t = text.strip();
        for (DateTimeFormatter f : QUEUE_TIMES) {
            try {
                return LocalDateTime.parse(t, f).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }

    void read(TextLineReader in) throws IOException {
        FormatListReader records = new FormatListReader(() -> {
            ctx.tick();
            return in.readLine();
        });
        FormatList.Record r;
        while ((r = records.next()) != null) {
            String retried = retryTime(r);
            for (FormatList.Property p : r.properties()) {
                if (p.truncated()) {
                    ctx.warn(source, p.line(), FormatList.truncationAdvice(p.name()));
                }
                if (p.name().equalsIgnoreCase("Identity")) {
                    serverOf(p.value(), p.line());
                }
                if (!p.value().isEmpty()) {
                    String line = p.name() + " : " + p.value();
                    text.scanLine(line, p.line(), lastRetry(p.value(), retried));
                }
            }
            for (FormatList.Line l : r.other()) {
                text.scanLine(l.text(), l.number(), TextLogScanner.leadingTime(l.text()));
            }
        }
    }
}
