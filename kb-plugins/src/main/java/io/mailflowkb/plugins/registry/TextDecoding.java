package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks the encoding of a registry text and rejects what is not text at all, before any fact is emitted.
 * regedit and {@code reg export} write UTF-16LE with the FF FE BOM [S62]; Wine/ReactOS treat everything
 * else as ANSI [S71]; people also save .reg files as UTF-8 from editors, so UTF-8 is tried before
 * windows-1252.
 */
final class TextDecoding {

    /** How to read a file: charset and how many BOM bytes to skip. */
    record Encoding(Charset charset, int skip, String label) {
    }

    static final Charset ANSI = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    /**
     * Reads the whole file once to choose its encoding.
     *
     * @throws InvalidInputException empty, binary, or truncated UTF-16
     */
    static Encoding inspect(Path file, String source) throws IOException {
        long size = Files.size(file);
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (size == 0) {
            throw new InvalidInputException(source, null, "empty file");
        }
        Encoding utf16 = utf16(head, n, size);
        if (utf16 != null) {
            if (size == utf16.skip()) {
                throw new InvalidInputException(source, null, "empty file (only a byte order mark)");
            }
            if ((size - utf16.skip()) % 2 != 0) {
                throw new InvalidInputException(source, null,
                        "truncated " + utf16.label() + " file: odd number of bytes (" + size + ")");
            }
            if (!scan(file, utf16, source)) {
                throw new InvalidInputException(source, null, "not valid " + utf16.label() + " text (binary content?)");
            }
            return utf16;
        }
        int skip = n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        if (size == skip) {
            throw new InvalidInputException(source, null, "empty file (only a byte order mark)");
        }
        Encoding utf8 = new Encoding(StandardCharsets.UTF_8, skip, skip > 0 ? "UTF-8 with BOM" : "UTF-8");
        if (scan(file, utf8, source)) {
            return utf8;
        }
        Encoding ansi = new Encoding(ANSI, skip, "ANSI (windows-1252)");
        scan(file, ansi, source);
        return ansi;
    }

    /** A reader over the file in the chosen encoding, BOM skipped; undecodable bytes become U+FFFD. */
    static Reader open(Path file, Encoding encoding) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(encoding.skip());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), 65536);
    }

    /** Best-effort decoding of a file's first bytes, for sniffing; never throws. Binary heads give "". */
    static String decodeHead(byte[] head) {
        int n = head.length;
        Encoding utf16 = utf16(head, n, n);
        Charset cs = utf16 != null ? utf16.charset() : StandardCharsets.UTF_8;
        int skip = utf16 != null ? utf16.skip()
                : n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        int len = n - skip;
        if (utf16 != null) {
            len -= len % 2;
        }
        String text = new String(head, skip, Math.max(0, len), cs);
        return text.indexOf('\0') >= 0 ? "" : text;
    }

    private static Encoding utf16(byte[] head, int n, long size) {
        if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE");
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE");
        }
        // UTF-16LE without BOM (some PowerShell redirections): ASCII letters interleaved with NULs.
        if (n >= 4 && size % 2 == 0 && head[1] == 0 && head[3] == 0 && printable(head[0]) && printable(head[2])) {
            return new Encoding(StandardCharsets.UTF_16LE, 0, "UTF-16LE");
        }
        return null;
    }

    private static boolean printable(byte b) {
        return b >= 0x20 && b < 0x7f || b == '\r' || b == '\n' || b == '\t';
    }

    /**
     * Decodes the whole file once. Returns false when the bytes are not valid in the charset (strict charsets);
     * throws when a control character shows the content is binary.
     */
    private static boolean scan(Path file, Encoding encoding, String source) throws IOException {
        boolean strict = !encoding.charset().equals(ANSI);
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
                .onUnmappableCharacter(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
        int line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(encoding.skip());
            byte[] chunk = new byte[65536];
            ByteBuffer bytes = ByteBuffer.allocate(65536 + 8);
            CharBuffer chars = CharBuffer.allocate(65536 + 8);
            int r;
            boolean end = false;
            while (!end) {
                r = in.read(chunk);
                end = r < 0;
                if (r > 0) {
                    bytes.put(chunk, 0, r);
                }
                bytes.flip();
                var result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                bytes.compact();
                chars.flip();
                line = check(chars, line, source);
                chars.clear();
            }
            var flushed = decoder.flush(chars);
            if (flushed.isError()) {
                return false;
            }
        } catch (CharacterCodingException e) {
            return false;
        }
        return true;
    }

    private static int check(CharBuffer chars, int line, String source) {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != 0x1a) {
                throw new InvalidInputException(source, line, c == 0
                        ? "binary content (NUL byte), not a registry export"
                        : "binary content (control character U+" + String.format("%04X", (int) c) + "), not a registry export");
            }
        }
        return line;
    }
}
