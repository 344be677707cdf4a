package io.mailflowkb.plugins.input;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * UTF-16 bytes (LE or BE, mark already skipped) as UTF-8 bytes, converted on the bytes themselves: Windows tools
 * write logs in UTF-16LE, and going through a {@code Reader} and a UTF-8 encoder char by char made such a log cost
 * 3x its UTF-8 twin. Four ASCII code units are recognised with one 8-byte load and become four bytes; anything
 * else is converted unit by unit. Invalid input becomes U+FFFD exactly as the JDK's UTF-16 decoder with
 * {@code REPLACE} gives it (so facts do not depend on the path): a lone low surrogate is one U+FFFD, a high
 * surrogate followed by anything but a low one swallows that unit too, and bytes left at the end (an odd byte, a
 * high surrogate without its pair) are one U+FFFD.
 */
final class Utf16Transcoder extends InputStream {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /**
     * The bits of a little-endian load of four code units that are all zero when the four are ASCII: the high
     * byte of each unit zero and the low byte below 0x80 (high bytes come second in UTF-16LE, first in BE).
     */
    private static final long NOT_ASCII_LE = 0xFF80FF80FF80FF80L;
    private static final long NOT_ASCII_BE = 0x80FF80FF80FF80FFL;

    private final InputStream in;
    private final boolean big;
    private final long asciiMask;
    private final byte[] src = new byte[1 << 16];
    private int srcPos;
    private int srcLim;
    private boolean eof;
    private final byte[] out = new byte[(1 << 15) * 3 + 8];
    private int outPos;
    private int outLim;

    Utf16Transcoder(InputStream in, boolean bigEndian) {
        this.in = in;
        this.big = bigEndian;
        this.asciiMask = bigEndian ? NOT_ASCII_BE : NOT_ASCII_LE;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos >= outLim) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, outLim - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Converts the next chunk; false at the end with nothing left. */
    private boolean fill() throws IOException {
        if (srcLim - srcPos < 4 && !eof) {
            System.arraycopy(src, srcPos, src, 0, srcLim - srcPos);
            srcLim -= srcPos;
            srcPos = 0;
            while (srcLim < 4 && !eof) {
                int r = in.read(src, srcLim, src.length - srcLim);
                if (r < 0) {
                    eof = true;
                } else {
                    srcLim += r;
                }
            }
            // read on until the buffer is reasonably full, so conversion runs over long stretches
            while (!eof && srcLim < src.length / 2) {
                int r = in.read(src, srcLim, src.length - srcLim);
                if (r < 0) {
                    eof = true;
                } else {
                    srcLim += r;
                }
            }
        }
        outPos = 0;
        outLim = convert();
        if (outLim == 0 && eof && srcPos < srcLim) {
            // what is left cannot form a character: one replacement, as the JDK decoder gives at the end
            srcPos = srcLim;
            outLim = replacement(0);
        }
        return outLim > 0 || !(eof && srcPos >= srcLim);
    }

    /** Converts whole units from {@code src} into {@code out}; returns the bytes written. */
    private int convert() {
        byte[] s = src;
        byte[] o = out;
        int i = srcPos;
        int lim = srcLim;
        int w = 0;
        // room for the worst case: two units (a pair) become 4 bytes, one unit at most 3
        int maxUnits = (o.length - 8) / 3;
        int stop = Math.min(lim, i + maxUnits * 2);
        while (i < stop) {
            if (i + 8 <= stop && ((long) LONGS.get(s, i) & asciiMask) == 0) {
                int d = big ? 1 : 0; // where the low byte of each unit is
                o[w] = s[i + d];
                o[w + 1] = s[i + 2 + d];
                o[w + 2] = s[i + 4 + d];
                o[w + 3] = s[i + 6 + d];
                w += 4;
                i += 8;
                continue;
            }
            if (i + 2 > lim) {
                break; // an odd byte: wait for more, or the end
            }
            char c = unit(s, i);
            if (c < 0x80) {
                o[w++] = (byte) c;
                i += 2;
            } else if (c < 0x800) {
                o[w++] = (byte) (0xC0 | c >> 6);
                o[w++] = (byte) (0x80 | c & 0x3F);
                i += 2;
            } else if (!Character.isSurrogate(c)) {
                o[w++] = (byte) (0xE0 | c >> 12);
                o[w++] = (byte) (0x80 | c >> 6 & 0x3F);
                o[w++] = (byte) (0x80 | c & 0x3F);
                i += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 4 > lim) {
                    break; // its pair may be in the next read; at the end it is a replacement
                }
                char low = unit(s, i + 2);
                if (Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    o[w++] = (byte) (0xF0 | cp >> 18);
                    o[w++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    o[w++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    o[w++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    w = replacement(w); // the JDK decoder takes both units as one malformed sequence
                }
                i += 4;
            } else {
                w = replacement(w); // a low surrogate alone
                i += 2;
            }
        }
        srcPos = i;
        return w;
    }

    private char unit(byte[] s, int i) {
        return big ? (char) ((s[i] & 0xFF) << 8 | s[i + 1] & 0xFF) : (char) ((s[i + 1] & 0xFF) << 8 | s[i] & 0xFF);
    }

    private int replacement(int w) {
        out[w] = (byte) 0xEF;
        out[w + 1] = (byte) 0xBF;
        out[w + 2] = (byte) 0xBD;
        return w + 3;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
