package io.mailflowkb.plugins.logs;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Reads an Exchange SMTP send or receive protocol log [S31][S58]: a {@code #} header block, then CSV lines in the
 * order {@code #Fields} gives (case-insensitive names; the documented order when the header is missing, as in
 * lines pasted into articles). Lines that do not parse are retried once with Markdown decorations removed, and
 * otherwise still scanned for symptoms as plain text. Lines that carry no session state are only searched for
 * symptoms on their bytes ({@link #skippable}); the others are parsed on their bytes when ASCII
 * ({@link AsciiProtocolParser}), else decoded and split as text.
 */
final class ProtocolLogReader {

    /** Also read by {@link AsciiProtocolParser}: the line layout and the 8-byte view have one owner. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final String[] COLUMNS = {"date-time", "connector-id", "session-id", "sequence-number",
            "local-endpoint", "remote-endpoint", "event", "data", "context"};
    static final int TIME = 0;
    static final int CONNECTOR = 1;
    static final int SESSION = 2;
    static final int REMOTE = 5;
    static final int EVENT = 6;
    static final int DATA = 7;
    static final int CONTEXT = 8;

    private final String source;
    private final ScanContext ctx;
    private final AsciiProtocolParser bytes = new AsciiProtocolParser();
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
        while (in.next()) {
            ctx.tick();
            if (in.length() == 0 || direction != null && skippable(in.array(), in.start(), in.length())) {
                continue;
            }
            int no = (int) Math.min(Integer.MAX_VALUE, in.lineNumber());
            byte[] b = in.array();
            if (b[in.start()] != '#' && SymptomMatcher.ascii(b, in.start(), in.length())) {
                ProtocolLine p = bytes.parse(b, in.start(), in.length(), index, width, no);
                if (p != null) {
                    if (tracker == null) {
                        tracker = new SessionTracker(source, direction, ctx);
                    }
                    // on ASCII bytes the byte search is exact (mayShow without its non-ASCII case)
                    tracker.accept(p, ctx.matcher().mayMatch(b, in.start(), in.length()));
                    continue;
                }
            }
            String line = in.text();
            if (line.charAt(0) == '#') {
                header(line);
                tracker = null; // a new header block (concatenated logs) starts new sessions
                continue;
            }
            ProtocolLine p = parse(line, no);
            // decided on the bytes of the line as read; a line parsed only once cleaned is searched as text
            boolean mayShowSymptom = p == null || ctx.matcher().mayShow(in.array(), in.start(), in.length());
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
            tracker.accept(p, mayShowSymptom);
        }
        if (badLines > 0) {
            ctx.warn(source, firstBad, badLines + " line(s) did not parse as protocol log CSV; scanned as text");
        }
    }

    /**
     * The fast path that keeps a 1 GB scan near grep speed: most lines (MAIL FROM, RCPT TO, 250 replies,
     * certificate lines) neither open nor close anything the session state needs, so they are only searched for
     * symptoms, on their raw bytes, without being decoded or split. Lines with a quote before the event field,
     * header lines and anything that may show a symptom take the full path.
     */
    private boolean skippable(byte[] b, int off, int len) {
        int end = off + len;
        if (b[off] == '#') {
            return false;
        }
        int ev = afterCommas(b, off, end, index[EVENT]);
        if (ev < 0) {
            return false;
        }
        if (ev + 1 >= end || b[ev + 1] != ',') {
            return false;
        }
        int d = ev + 2;
        if (d < end && b[d] == '"') {
            d++;
        }
        boolean interesting = switch (b[ev]) {
            case '-' -> true;
            case '*' -> contains(b, d, end, (byte) 'T', (byte) 'L', (byte) 'S');
            case '<', '>' -> {
                // replies come in as '<' on send logs, commands as '<' on receive logs [S31]
                boolean send = "outbound".equals(direction);
                boolean reply = send == (b[ev] == '<');
                int c = d < end ? (b[d] | 0x20) : ' ';
                if (reply) {
                    yield send && (c == '2' && startsWith(b, d, end, "220 ") && !startsWith(b, d, end, "220 2.0.0")
                            || c == '4' && startsWith(b, d, end, "451 "));
                }
                yield c == 's' ? startsWithIgnoreCase(b, d, end, "starttls")
                        : !send && (c == 'e' || c == 'h') && startsWithIgnoreCase(b, d + 1, end, "elo");
            }
            default -> false;
        };
        return !interesting && !ctx.matcher().mayMatch(b, off, len);
    }

    /**
     * Index right after the {@code commas}-th comma of {@code b[from, end)}, or -1 when the line has fewer or a
     * quote comes first (a quoted field may hold commas: the full parser decides). This walk over the leading
     * fields is done for every line of a log, and the launcher runs C1, which neither unrolls loops nor has
     * bit-count intrinsics: eight bytes at a time, a word without a comma or a quote (the exact zero-byte test)
     * is passed over, and the bytes of the others are looked at one by one (a third less CPU than counting with
     * {@link Long#bitCount} under C1).
     */
    static int afterCommas(byte[] b, int from, int end, int commas) {
        if (commas == 0) {
            return from;
        }
        int left = commas;
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(b, i);
            long comma = w ^ 0x2C2C2C2C2C2C2C2CL;
            long quote = w ^ 0x2222222222222222L;
            long special = ((comma - 0x0101010101010101L) & ~comma) | ((quote - 0x0101010101010101L) & ~quote);
            if ((special & 0x8080808080808080L) == 0) {
                continue;
            }
            for (int j = i; j < i + 8; j++) {
                if (b[j] == ',') {
                    if (--left == 0) {
                        return j + 1;
                    }
                } else if (b[j] == '"') {
                    return -1;
                }
            }
        }
        for (; i < end; i++) {
            if (b[i] == ',') {
                if (--left == 0) {
                    return i + 1;
                }
            } else if (b[i] == '"') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean contains(byte[] b, int from, int end, byte x, byte y, byte z) {
        for (int i = from; i + 2 < end; i++) {
            if (b[i] == x && b[i + 1] == y && b[i + 2] == z) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int from, int end, String s) {
        if (from + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int from, int end, String lower) {
        if (from + lower.length() > end) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if ((b[from + i] | 0x20) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
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
        return parse(line, index, width, no);
    }

    /** The line as a protocol log line with the columns {@code index} gives, or {@code null} when it is not one. */
    static ProtocolLine parse(String line, int[] index, int width, int no) {
        String[] f = CsvSplitter.split(line, width);
        String event = get(f, index, EVENT);
        if (event == null || event.length() != 1 || "+-<>*".indexOf(event.charAt(0)) < 0) {
            return null;
        }
        String session = get(f, index, SESSION);
        if (session == null || session.isBlank()) {
            return null;
        }
        String time = get(f, index, TIME);
        String context = orEmpty(get(f, index, CONTEXT));
        if (f.length > width && index[CONTEXT] == width - 1) {
            // an unquoted context with commas (hand-edited logs): the rest of the line is the context
            context = String.join(",", java.util.Arrays.asList(f).subList(width - 1, f.length));
        }
        return new ProtocolLine(isoTime(time), orEmpty(get(f, index, CONNECTOR)).strip(), session.strip(),
                orEmpty(get(f, index, REMOTE)), event.charAt(0), orEmpty(get(f, index, DATA)).strip(),
                context.strip(), no, line);
    }

    private static String get(String[] f, int[] index, int column) {
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
