package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Provenance;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a message tracking log [S31]: CSV in {@code #Fields} order. Only rows whose {@code event-id} is
 * {@code DEFER}, {@code FAIL} or {@code DSN} carry an error; their {@code recipient-status} is matched against
 * the knowledge symptoms. Tracking logs never record the TLS version [S4], so no TLS outcome comes from here.
 */
final class TrackingLogReader {

    private static final Set<String> ERROR_EVENTS = Set.of("DEFER", "FAIL", "DSN");

    private final String source;
    private final ScanContext ctx;
    private int time = 0;
    private int event = -1;
    private int status = -1;
    private int connector = -1;
    private int width = 30;

    TrackingLogReader(String source, ScanContext ctx) {
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
            if (line.charAt(0) == '#') {
                header(line);
                continue;
            }
            if (event < 0 || status < 0) {
                continue;
            }
            String[] f = CsvSplitter.split(line, width);
            if (f.length <= Math.max(event, status)) {
                continue;
            }
            if (!ERROR_EVENTS.contains(f[event].strip().toUpperCase(Locale.ROOT))) {
                continue;
            }
            int no = (int) Math.min(Integer.MAX_VALUE, in.lineNumber());
            String conn = connector >= 0 && connector < f.length && !f[connector].isBlank() ? f[connector].strip() : null;
            ctx.symptoms(f[status], f[status], null, null, conn, ProtocolLogReader.isoTime(f[time]),
                    Provenance.of(source, no));
        }
    }

    private void header(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("#fields:")) {
            return;
        }
        String[] names = lower.substring("#fields:".length()).split(",");
        width = names.length;
        for (int i = 0; i < names.length; i++) {
            switch (names[i].strip()) {
                case "date-time" -> time = i;
                case "event-id" -> event = i;
                case "recipient-status" -> status = i;
                case "connector-id" -> connector = i;
                default -> { }
            }
        }
    }
}
