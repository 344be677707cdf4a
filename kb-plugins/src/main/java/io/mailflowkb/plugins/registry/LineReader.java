package io.mailflowkb.plugins.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Physical lines of a text, numbered from 1. Ends lines at CRLF, LF or a lone CR (mixed endings occur when
 * admins paste between editors). Keeps at most {@link #MAX_KEPT} characters of a line so a 10 MB line costs
 * 10 MB of reading, not 10 MB of heap.
 */
final class LineReader implements Closeable {

    /** Longest line kept; a hard-coded cipher list is ~500 chars, a wrapped regedit hex line is 80. */
    static final int MAX_KEPT = 1 << 20;

    /** One physical line; {@code length} is the full length even when {@code text} was cut. */
    record Line(int number, String text, long length) {
        boolean truncated() {
            return length > text.length();
        }
    }

    private final Reader in;
    private final char[] buf = new char[8192];
    private int pos;
    private int lim;
    private int number;
    private boolean eof;
    private boolean skipLf;

    LineReader(Reader in) {
        this.in = in;
    }

    /** The next line, or {@code null} at the end. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos >= lim && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            char c = buf[pos++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                skipLf = true;
                break;
            }
            length++;
            if (text.length() < MAX_KEPT) {
                text.append(c);
            }
        }
        number++;
        return new Line(number, text.toString(), length);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
