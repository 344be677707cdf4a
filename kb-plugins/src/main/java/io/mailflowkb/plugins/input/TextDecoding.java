package io.mailflowkb.plugins.input;

import io.mailflowkb.model.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one text-decoding path of every collector: a {@link Reader} over a file in its {@link TextEncoding}, or
 * (for the byte-level log readers, whose line splitting is the hot loop of a 1 GB scan) the same text as UTF-8
 * bytes, passed through untouched when the file already is UTF-8, transcoded otherwise.
 */
public final class TextDecoding {

    private TextDecoding() {
    }

    /** A reader over {@code raw} (positioned at the first byte), mark skipped; invalid bytes become U+FFFD. */
    public static Reader reader(InputStream raw, TextEncoding encoding) throws IOException {
        try {
            raw.skipNBytes(encoding.bom());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(raw, decoder), 1 << 16);
    }

    /**
     * The text of {@code raw} (positioned at the first byte) as UTF-8 bytes: the stream itself when the file is
     * UTF-8 (a UTF-8 mark is left for the reader to skip), converted on the bytes when it is UTF-16 (the mark
     * skipped), else decoded and re-encoded on the fly.
     */
    public static InputStream utf8(InputStream raw, TextEncoding encoding) throws IOException {
        if (encoding.utf8()) {
            return raw;
        }
        if (encoding.utf16()) {
            try {
                raw.skipNBytes(encoding.bom());
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
            return new Utf16Transcoder(raw, encoding.charset().equals(StandardCharsets.UTF_16BE));
        }
        return new Utf8Transcoder(reader(raw, encoding));
    }

    /** Best-effort decoding of a head for sniffing; never throws; {@code ""} when it is not text. */
    public static String headText(byte[] head) {
        TextEncoding e = TextEncoding.detect(head, head.length);
        return e == null ? "" : e.decodeHead(head, head.length);
    }

    /**
     * Decodes the whole stream strictly, for readers that must reject damaged text before emitting anything
     * (registry exports): returns the encoding to read it with (UTF-8 becomes windows-1252 when a later part of
     * the file is not UTF-8), or throws naming the line with a NUL or control character.
     *
     * @param what what the file should have been, for the message ({@code registry export})
     * @throws InvalidInputException binary content, or bytes that are not valid UTF-16
     */
    public static TextEncoding verify(InputStream raw, TextEncoding encoding, String source, String what)
            throws IOException {
        try (InputStream in = raw) {
            in.skipNBytes(encoding.bom());
            if (scan(in, encoding, source, what)) {
                return encoding;
            }
        }
        if (encoding.utf16()) {
            throw new InvalidInputException(source, null, "not valid " + encoding.label() + " text (binary content?)");
        }
        return encoding.bom() > 0 ? new TextEncoding(TextEncoding.WINDOWS_1252, encoding.bom(), "windows-1252")
                : TextEncoding.ANSI;
    }

    /** Re-reads for windows-1252 after a failed UTF-8 scan so control characters are still reported. */
    public static void verifyAnsi(InputStream raw, TextEncoding ansi, String source, String what) throws IOException {
        try (InputStream in = raw) {
            in.skipNBytes(ansi.bom());
            scan(in, ansi, source, what);
        }
    }

    private static boolean scan(InputStream in, TextEncoding encoding, String source, String what) throws IOException {
        boolean strict = !encoding.charset().equals(TextEncoding.WINDOWS_1252);
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
                .onUnmappableCharacter(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
        int line = 1;
        byte[] chunk = new byte[1 << 16];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
        try {
            boolean end = false;
            while (!end) {
                int r = in.read(chunk);
                end = r < 0;
                if (r > 0) {
                    bytes.put(chunk, 0, r);
                }
                bytes.flip();
                if (decoder.decode(bytes, chars, end).isError()) {
                    return false;
                }
                bytes.compact();
                chars.flip();
                line = check(chars, line, source, what);
                chars.clear();
            }
            return !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int check(CharBuffer chars, int line, String source, String what) {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != 0x1a) {
                throw new InvalidInputException(source, line, c == 0
                        ? "binary content (NUL byte), not a " + what
                        : "binary content (control character U+" + String.format("%04X", (int) c) + "), not a " + what);
            }
        }
        return line;
    }
}
