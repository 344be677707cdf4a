package io.mailflowkb.plugins.logs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a byte stream with a hard cap on what is kept of each line, so a log with a 5 MB (or 5 GB)
 * line never puts more than {@link #maxLine} bytes on the heap. Lines end at LF; a CR before it is dropped, so
 * CRLF and LF files (and files mixing both) read alike. Bytes are decoded as UTF-8 leniently: invalid sequences
 * become U+FFFD instead of failing, because real logs get cut and concatenated. A UTF-8 BOM at the start is
 * skipped (Exchange tracking logs start with one [S58]). A last line without a newline is returned as is.
 */
public final class TextLineReader implements Closeable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    public static final int DEFAULT_MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private byte[] acc = new byte[1024];
    private int accLen;
    private boolean eof;
    private boolean first = true;
    private long lineNumber;
    private boolean truncated;
    private long longLines;
    private byte[] curArray;
    private int curStart;
    private int curLength;
    private String text;

    public TextLineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE);
    }

    public TextLineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line without its terminator, or {@code null} at the end. */
    public String readLine() throws IOException {
        return next() ? text() : null;
    }

    /**
     * Moves to the next line without decoding it; {@link #array()}, {@link #start()} and {@link #length()}
     * then give its bytes (valid until the next call) so hot loops can skip uninteresting lines without making a
     * String of them.
     */
    public boolean next() throws IOException {
        accLen = 0;
        truncated = false;
        text = null;
        long lineBytes = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                if (lineBytes == 0) {
                    return false;
                }
                lineNumber++;
                return current(acc, 0, accLen);
            }
            int start = pos;
            int nl = newline(buf, pos, lim);
            int end = nl < 0 ? lim : nl;
            pos = nl < 0 ? lim : nl + 1;
            if (nl >= 0 && lineBytes == 0) {
                // the common case: the whole line sits in the buffer, use it straight from there
                lineNumber++;
                truncated = end - start > maxLine;
                if (truncated) {
                    longLines++;
                }
                return current(buf, start, Math.min(end - start, maxLine));
            }
            append(start, end);
            lineBytes += end - start;
            if (nl >= 0) {
                lineNumber++;
                if (truncated) {
                    longLines++;
                }
                return current(acc, 0, accLen);
            }
        }
    }

    /**
     * Index of the first LF in {@code b[from, to)}, or -1. Eight bytes at a time (SWAR: a zero byte in
     * {@code word ^ 0x0A..} marks an LF), since finding line ends is most of the work on a big log.
     */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The current line's bytes (shared buffer: read, don't keep). */
    public byte[] array() {
        return curArray;
    }

    public int start() {
        return curStart;
    }

    public int length() {
        return curLength;
    }

    /** The current line decoded (UTF-8, invalid bytes replaced). */
    public String text() {
        if (text == null) {
            text = new String(curArray, curStart, curLength, StandardCharsets.UTF_8);
        }
        return text;
    }

    private boolean current(byte[] b, int off, int len) {
        if (len > 0 && b[off + len - 1] == '\r') {
            len--;
        }
        curArray = b;
        curStart = off;
        curLength = len;
        return true;
    }

    /** 1-based number of the line last returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the line last returned was longer than the cap and was cut. */
    public boolean truncated() {
        return truncated;
    }

    /** How many lines so far were longer than the cap. */
    public long longLines() {
        return longLines;
    }

    private void append(int start, int end) {
        int room = maxLine - accLen;
        int n = Math.min(room, end - start);
        if (n < end - start) {
            truncated = true;
        }
        if (n <= 0) {
            return;
        }
        if (accLen + n > acc.length) {
            byte[] bigger = new byte[Math.min(maxLine, Math.max(acc.length * 2, accLen + n))];
            System.arraycopy(acc, 0, bigger, 0, accLen);
            acc = bigger;
        }
        System.arraycopy(buf, start, acc, accLen, n);
        accLen += n;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        lim = n;
        if (first) {
            first = false;
            if (n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                pos = 3;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
