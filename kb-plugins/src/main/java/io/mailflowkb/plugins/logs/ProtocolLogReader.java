package io.mailflowkb.plugins.logs;

import java.io.IOException;
import java.util.Locale;

/**
 * Reads an Exchange SMTP send or receive protocol log [S31][S58]: a {@code #} header block, then CSV lines in the
 * order {@code #Fields} gives (case-insensitive names; the documented order when the header is missing, as in
 * lines pasted into articles). Lines that do not parse are retried once with Markdown decorations removed, and
 * otherwise still scanned for symptoms as plain text.
 */
final class ProtocolLogReader {

    private static final String[] COLUMNS = {"date-time", "connector-id", "session-id", "sequence-number",
            "local-endpoint", "remote-endpoint", "event", "data", "context"};
    private static final int TIME = 0;
    private static final int CONNECTOR = 1;
    private static final int SESSION = 2;
    private static final int REMOTE = 5;
    private static final int EVENT = 6;
    private static final int DATA = 7;
    private static final int CONTEXT = 8;

    private final String source;
    private final ScanContext ctx;
    private int[] index = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    private int width = 9;
    private String direction;
    private int badLines;
    private int firstBad;

    ProtocolLogReader(String source, ScanContext ctx) {
        this.source = source;
        this.ctx = ctx;
    }

    void read(TextLineReader in) throws IOException {
        SessionTracker tracker = null;
        String line;
        while ((line = in.readLine()) != null) {
            ctx.tick();
            int no = (int) Math.min(Integer.MAX_VALUE, in.lineNumber());
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == '#') {
                header(line);
                tracker = null; // a new header block (concatenated logs) starts new sessions
                continue;
            }
            if (direction != null && skippable(line)) {
                continue;
            }
            ProtocolLine p = parse(line, no);
            if (p == null && MarkdownCleaner.looksDecorated(line)) {
                String cleaned = MarkdownCleaner.clean(line);
                if (cleaned.startsWith("#")) {
                    header(cleaned);
                    continue;
                }
                p = parse(cleaned, no);
            }
            if (p == null) {
                if (badLines++ == 0) {
                    firstBad = no;
                }
                String clean = MarkdownCleaner.clean(line);
                ctx.symptoms(clean, clean, direction, null, null, null,
                        io.mailflowkb.model.fact.Provenance.of(source, no));
                continue;
            }
            if (tracker == null) {
                tracker = new SessionTracker(source, direction, ctx);
            }
            tracker.accept(p);
        }
        if (badLines > 0) {
            ctx.warn(source, firstBad, badLines + " line(s) did not parse as protocol log CSV; scanned as text");
        }
    }

    /**
     * The fast path that keeps a 1 GB scan near grep speed: most lines (MAIL FROM, RCPT TO, 250 replies,
     * certificate lines) neither open nor close anything the session state needs, so they are only looked at for
     * symptoms. Finds the event field with {@code indexOf} and decides from it and the start of the data; lines
     * with quotes before the event, or any symptom hit, take the full path.
     */
    private boolean skippable(String line) {
        int eventCol = index[EVENT];
        int comma = -1;
        for (int k = 0; k < eventCol; k++) {
            comma = line.indexOf(',', comma + 1);
            if (comma < 0) {
                return false;
            }
        }
        int quote = line.indexOf('"');
        if (quote >= 0 && quote < comma) {
            return false;
        }
        int ev = comma + 1;
        if (ev + 1 >= line.length() || line.charAt(ev + 1) != ',') {
            return false;
        }
        int data = ev + 2;
        boolean interesting = switch (line.charAt(ev)) {
            case '-' -> true;
            case '*' -> line.indexOf("TLS", data) >= 0;
            case '<', '>' -> {
                int d = data < line.length() && line.charAt(data) == '"' ? data + 1 : data;
                char c = d < line.length() ? (char) (line.charAt(d) | 0x20) : ' ';
                yield switch (c) {
                    case '2' -> line.startsWith("220 ", d);
                    case '4' -> line.startsWith("451 ", d);
                    case 'e', 'h' -> line.regionMatches(true, d + 1, "ELO", 0, 3);
                    case 's' -> line.regionMatches(true, d, "STARTTLS", 0, 8);
                    default -> false;
                };
            }
            default -> false;
        };
        return !interesting && ctx.matcher().match(line).isEmpty();
    }

    private void header(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("#log-type:")) {
            direction = lower.contains("send") ? "outbound" : lower.contains("receive") ? "inbound" : direction;
        } else if (lower.startsWith("#fields:")) {
            String[] names = lower.substring("#fields:".length()).split(",");
            int[] idx = new int[COLUMNS.length];
            java.util.Arrays.fill(idx, -1);
            for (int i = 0; i < names.length; i++) {
                for (int c = 0; c < COLUMNS.length; c++) {
                    if (names[i].strip().equals(COLUMNS[c])) {
                        idx[c] = i;
                    }
                }
            }
            if (idx[SESSION] >= 0 && idx[EVENT] >= 0) {
                index = idx;
                width = names.length;
            } else {
                ctx.warn(source, null, "#Fields header without session-id/event; using the documented order");
            }
        }
    }

    private ProtocolLine parse(String line, int no) {
        String[] f = CsvSplitter.split(line, width);
        String event = get(f, EVENT);
        if (event == null || event.length() != 1 || "+-<>*".indexOf(event.charAt(0)) < 0) {
            return null;
        }
        String session = get(f, SESSION);
        if (session == null || session.isBlank()) {
            return null;
        }
        String time = get(f, TIME);
        String context = orEmpty(get(f, CONTEXT));
        if (f.length > width && index[CONTEXT] == width - 1) {
            // an unquoted context with commas (hand-edited logs): the rest of the line is the context
            context = String.join(",", java.util.Arrays.asList(f).subList(width - 1, f.length));
        }
        return new ProtocolLine(isoTime(time), orEmpty(get(f, CONNECTOR)).strip(), session.strip(),
                orEmpty(get(f, REMOTE)), event.charAt(0), orEmpty(get(f, DATA)).strip(),
                context.strip(), no, line);
    }

    private String get(String[] f, int column) {
        int i = index[column];
        return i >= 0 && i < f.length ? f[i] : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The value when it looks like an ISO date-time ({@code 2023-01-11T15:59:51.433Z}), else {@code null}. */
    static String isoTime(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() >= 19 && t.charAt(4) == '-' && t.charAt(7) == '-' && (t.charAt(10) == 'T' || t.charAt(10) == ' ')
                && Character.isDigit(t.charAt(0)) && Character.isDigit(t.charAt(3))) {
            return t;
        }
        return null;
    }
}
