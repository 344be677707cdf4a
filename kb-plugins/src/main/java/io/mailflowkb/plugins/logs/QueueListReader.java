package io.mailflowkb.plugins.logs;

import io.mailflowkb.plugins.powershell.FormatList;
import io.mailflowkb.plugins.powershell.FormatListReader;
import java.io.IOException;

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

    QueueListReader(String source, ScanContext ctx) {
        this.source = source;
        this.ctx = ctx;
        this.text = new TextLogScanner(source, ctx);
    }

    void read(TextLineReader in) throws IOException {
        FormatListReader records = new FormatListReader(() -> {
            ctx.tick();
            return in.readLine();
        });
        FormatList.Record r;
        while ((r = records.next()) != null) {
            for (FormatList.Property p : r.properties()) {
                if (p.truncated()) {
                    ctx.warn(source, p.line(), FormatList.truncationAdvice(p.name()));
                }
                if (!p.value().isEmpty()) {
                    String line = p.name() + " : " + p.value();
                    text.scanLine(line, p.line(), null);
                }
            }
            for (FormatList.Line l : r.other()) {
                text.scanLine(l.text(), l.number(), TextLogScanner.leadingTime(l.text()));
            }
        }
    }
}
