package io.mailflowkb.plugins.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoded text as a UTF-8 byte stream, converted a buffer at a time (UTF-16 and ANSI logs for byte readers). */
final class Utf8Transcoder extends InputStream {

    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ByteBuffer bytes = ByteBuffer.allocate((1 << 14) * 3 + 8);
    private boolean eof;

    Utf8Transcoder(Reader in) {
        this.in = in;
        bytes.flip();
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
        while (!bytes.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int r = in.read(chars.array(), chars.position(), chars.remaining());
        if (r < 0) {
            eof = true;
        } else {
            chars.position(chars.position() + r);
        }
        chars.flip();
        bytes.clear();
        encoder.encode(chars, bytes, eof);
        if (eof) {
            encoder.flush(bytes);
        }
        chars.compact();
        bytes.flip();
        return bytes.hasRemaining() || !eof;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
