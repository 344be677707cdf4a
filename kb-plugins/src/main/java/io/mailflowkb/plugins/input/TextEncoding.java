package io.mailflowkb.plugins.input;

import io.mailflowkb.model.spi.EvidenceFile;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text encoding of a file, told from its first bytes, the one way every collector decides it. Windows
 * writes: UTF-16LE with the FF FE byte order mark (regedit, {@code reg export} [S62], Windows PowerShell 5.1's
 * {@code >} and {@code Out-File}), UTF-16LE without a mark (some redirections, message trace detail exports),
 * UTF-16BE (rare), UTF-8 with or without a mark (PowerShell 7, editors, Exchange logs [S58]) and ANSI
 * (windows-1252, what Wine/ReactOS assume without a mark [S71]). UTF-8 is tried before windows-1252 because
 * every ASCII file is both and UTF-8 is what a modern tool wrote.
 *
 * @param charset how to decode
 * @param bom     how many leading bytes are a byte order mark (skipped before decoding)
 * @param label   for messages and {@link io.mailflowkb.model.spi.EvidenceFile#encoding()}
 */
public record TextEncoding(Charset charset, int bom, String label) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static final TextEncoding UTF8 = new TextEncoding(StandardCharsets.UTF_8, 0, "UTF-8");
    public static final TextEncoding UTF8_BOM = new TextEncoding(StandardCharsets.UTF_8, 3, "UTF-8 with BOM");
    public static final TextEncoding UTF16LE_BOM = new TextEncoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE with BOM");
    public static final TextEncoding UTF16LE = new TextEncoding(StandardCharsets.UTF_16LE, 0, "UTF-16LE");
    public static final TextEncoding UTF16BE_BOM = new TextEncoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE with BOM");
    public static final TextEncoding UTF16BE = new TextEncoding(StandardCharsets.UTF_16BE, 0, "UTF-16BE");
    public static final TextEncoding ANSI = new TextEncoding(WINDOWS_1252, 0, "windows-1252");

    /** How many code units of the head the no-BOM UTF-16 check looks at. */
    private static final int UTF16_PROBE = 512;

    /** The encoding of a walked file (detected once by the walk), or detected from its head; null when not text. */
    public static TextEncoding of(EvidenceFile file) {
        if (file instanceof WalkedFile w) {
            return w.textEncoding();
        }
        byte[] head = file.head();
        return detect(head, head.length);
    }

    /** Whether the bytes are UTF-16 (with a mark, or ASCII-heavy text interleaved with NULs). */
    public boolean utf16() {
        return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
    }

    /** Whether the bytes are already UTF-8 (or ASCII): readers can use them as they are. */
    public boolean utf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /**
     * The encoding of a text whose first {@code n} bytes are given, or {@code null} when the bytes are not text in
     * any of these encodings (empty, NUL bytes or control characters outside UTF-16, undecodable UTF-16).
     */
    public static TextEncoding detect(byte[] head, int n) {
        if (n <= 0) {
            return null;
        }
        int b0 = head[0] & 0xFF;
        int b1 = n > 1 ? head[1] & 0xFF : -1;
        TextEncoding e;
        if (b0 == 0xFF && b1 == 0xFE) {
            e = UTF16LE_BOM;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            e = UTF16BE_BOM;
        } else if (n >= 3 && b0 == 0xEF && b1 == 0xBB && (head[2] & 0xFF) == 0xBF) {
            e = UTF8_BOM;
        } else {
            e = utf16WithoutBom(head, n);
        }
        if (e == null) {
            if (hasNul(head, n)) {
                return null;
            }
            e = validUtf8(head, n) ? UTF8 : ANSI;
        }
        return looksLikeText(e.decodeHead(head, n)) ? e : null;
    }

    /**
     * UTF-16 without a mark: text that is mostly ASCII has a NUL in every other byte (the high byte), on the odd
     * positions for little-endian and the even ones for big-endian, and (almost) none on the others.
     */
    private static TextEncoding utf16WithoutBom(byte[] head, int n) {
        int units = Math.min(n / 2, UTF16_PROBE);
        if (units < 2) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < units; i++) {
            if (head[2 * i] == 0) {
                evenNul++;
            }
            if (head[2 * i + 1] == 0) {
                oddNul++;
            }
        }
        if (oddNul * 10 >= units * 7 && evenNul * 20 <= units) {
            return UTF16LE;
        }
        if (evenNul * 10 >= units * 7 && oddNul * 20 <= units) {
            return UTF16BE;
        }
        return null;
    }

    private static boolean hasNul(byte[] head, int n) {
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Strict UTF-8 over the head; a sequence cut by the end of the head still counts as valid. */
    static boolean validUtf8(byte[] head, int n) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(n + 1);
        CoderResult r = d.decode(ByteBuffer.wrap(head, 0, n), out, false);
        return !r.isError();
    }

    /** The head decoded (mark skipped, a cut last character dropped); undecodable bytes become U+FFFD. */
    public String decodeHead(byte[] head, int n) {
        int len = Math.max(0, n - bom);
        if (utf16()) {
            len -= len % 2;
        }
        CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(len + 1);
        d.decode(ByteBuffer.wrap(head, bom, len), out, false);
        out.flip();
        return out.toString();
    }

    /**
     * Text, not binary: no NUL, few control characters (form feed, tab, CR, LF and the DOS end-of-file mark are
     * fine) and few replacement characters. Random bytes fail both ways.
     */
    static boolean looksLikeText(String text) {
        if (text.isEmpty()) {
            return true;
        }
        int control = 0;
        int replaced = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1A) {
                control++;
            } else if (c == '\uFFFD') {
                replaced++;
            }
        }
        return control <= Math.max(8, text.length() / 50) && replaced <= Math.max(16, text.length() / 10);
    }
}
