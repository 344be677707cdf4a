package io.mailflowkb.plugins.logs;

import static io.mailflowkb.plugins.logs.ProtocolLogReader.CONNECTOR;
import static io.mailflowkb.plugins.logs.ProtocolLogReader.CONTEXT;
import static io.mailflowkb.plugins.logs.ProtocolLogReader.DATA;
import static io.mailflowkb.plugins.logs.ProtocolLogReader.EVENT;
import static io.mailflowkb.plugins.logs.ProtocolLogReader.LONGS;
import static io.mailflowkb.plugins.logs.ProtocolLogReader.REMOTE;
import static io.mailflowkb.plugins.logs.ProtocolLogReader.SESSION;
import static io.mailflowkb.plugins.logs.ProtocolLogReader.TIME;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses a protocol log line that carries session state straight from its bytes, when they are ASCII: the
 * fields are found on the bytes and only the ones the session tracker reads become Strings (a byte copy each,
 * ASCII being Latin-1), instead of decoding the whole line and splitting the String (together a fifth of a 1 GB
 * scan's profile). Short fields that repeat (connector, session id, endpoint, {@code STARTTLS}) come from a small
 * cache of the last ones seen, so the tracker's map lookups reuse their hash codes. Gives exactly the
 * {@link ProtocolLine} that {@link CsvSplitter} and {@code ProtocolLogReader.parse} make of the decoded line, or
 * {@code null} to leave the line to that path: a field quoted with doubled quotes or text after its closing quote,
 * an unquoted context with commas, and lines that do not parse ({@code AsciiProtocolParserTest} compares both).
 */
final class AsciiProtocolParser {

    private static final int MAX_CACHED = 40;
    private static final int SLOTS = 256;

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private final byte[][] cachedBytes = new byte[SLOTS][];
    private final String[] cached = new String[SLOTS];

    /**
     * @param index the column of each field the reader knows ({@code #Fields}), -1 when missing
     * @param width how many columns {@code #Fields} names
     */
    ProtocolLine parse(byte[] b, int off, int len, int[] index, int width, int no) {
        int n = split(b, off, off + len);
        if (n < 0) {
            return null;
        }
        int ev = field(index, EVENT, n);
        if (ev < 0 || ends[ev] - starts[ev] != 1 || "+-<>*".indexOf(b[starts[ev]]) < 0) {
            return null;
        }
        int session = field(index, SESSION, n);
        if (session < 0 || stripStart(b, starts[session], ends[session]) == ends[session]) {
            return null; // blank: the String path says it does not parse
        }
        if (n > width && index[CONTEXT] == width - 1) {
            return null; // an unquoted context with commas: the String path joins the rest of the line
        }
        int time = field(index, TIME, n);
        String timeText = time < 0 ? null : isoTime(b, starts[time], ends[time]);
        return new ProtocolLine(timeText, stripped(b, index, CONNECTOR, n), stripped(b, index, SESSION, n),
                plain(b, index, REMOTE, n), (char) b[starts[ev]], stripped(b, index, DATA, n),
                stripped(b, index, CONTEXT, n), no, new String(b, off, len, StandardCharsets.ISO_8859_1));
    }

    /**
     * Field spans of {@code b[i, end)} into {@link #starts}/{@link #ends}, as {@link CsvSplitter#split} cuts the
     * line; the count, or -1 for a quoted field that is not simply closed before a comma.
     */
    private int split(byte[] b, int i, int end) {
        int n = 0;
        while (true) {
            int from;
            int to;
            if (i < end && b[i] == '"') {
                int close = indexOf(b, i + 1, end, 0x2222222222222222L);
                if (close < 0 || close + 1 != end && b[close + 1] != ',') {
                    return -1;
                }
                from = i + 1;
                to = close;
                i = close + 1;
            } else {
                int comma = indexOf(b, i, end, 0x2C2C2C2C2C2C2C2CL);
                from = i;
                to = comma < 0 ? end : comma;
                i = to;
            }
            n = add(n, from, to);
            if (i >= end) {
                return n;
            }
            i++; // the comma
            if (i == end) {
                return add(n, end, end);
            }
        }
    }

    private int add(int n, int from, int to) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        starts[n] = from;
        ends[n] = to;
        return n + 1;
    }

    private static int field(int[] index, int column, int n) {
        int i = index[column];
        return i >= 0 && i < n ? i : -1;
    }

    private String stripped(byte[] b, int[] index, int column, int n) {
        int f = field(index, column, n);
        if (f < 0) {
            return "";
        }
        int from = stripStart(b, starts[f], ends[f]);
        int to = ends[f];
        while (to > from && whitespace(b[to - 1])) {
            to--;
        }
        return text(b, from, to, true);
    }

    private String plain(byte[] b, int[] index, int column, int n) {
        int f = field(index, column, n);
        return f < 0 ? "" : text(b, starts[f], ends[f], true);
    }

    /** {@link ProtocolLogReader#isoTime} of the field, checked on its bytes so a non-time makes no String. */
    private static String isoTime(byte[] b, int from, int to) {
        from = stripStart(b, from, to);
        while (to > from && whitespace(b[to - 1])) {
            to--;
        }
        if (to - from >= 19 && b[from + 4] == '-' && b[from + 7] == '-'
                && (b[from + 10] == 'T' || b[from + 10] == ' ') && digit(b[from]) && digit(b[from + 3])) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    /** {@link Character#isDigit} on an ASCII character. */
    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int stripStart(byte[] b, int from, int to) {
        while (from < to && whitespace(b[from])) {
            from++;
        }
        return from;
    }

    /** {@link Character#isWhitespace} on an ASCII character, which {@link String#strip} removes. */
    private static boolean whitespace(byte c) {
        return c == ' ' || c >= 9 && c <= 13 || c >= 0x1C && c <= 0x1F;
    }

    private String text(byte[] b, int from, int to, boolean cache) {
        int n = to - from;
        if (n == 0) {
            return "";
        }
        if (!cache || n > MAX_CACHED) {
            return new String(b, from, n, StandardCharsets.ISO_8859_1);
        }
        // a few bytes hashed, not all (C1 runs a hash loop byte by byte): the ends of a session id or address
        // differ; a collision only costs a miss, the bytes are compared in full
        int h = ((n * 31 + b[from]) * 31 + b[to - 1]) * 31 + b[from + (n >> 1)];
        h = (h * 31 + b[to - 1 - (n >> 2)]) * 31 + b[to - 1 - (n >> 3)];
        int slot = (h ^ h >>> 8) & (SLOTS - 1);
        byte[] k = cachedBytes[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, from, to)) {
            return cached[slot];
        }
        String s = new String(b, from, n, StandardCharsets.ISO_8859_1);
        cachedBytes[slot] = Arrays.copyOfRange(b, from, to);
        cached[slot] = s;
        return s;
    }

    /** Index of the first byte equal to the one repeated in {@code pattern} in {@code b[from, to)}, or -1. */
    private static int indexOf(byte[] b, int from, int to, long pattern) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (t != 0) {
                break; // the byte loop below finds it within these eight (C1 runs numberOfTrailingZeros as Java)
            }
        }
        byte want = (byte) pattern;
        for (; i < to; i++) {
            if (b[i] == want) {
                return i;
            }
        }
        return -1;
    }
}
