package io.mailflowkb.plugins.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns raw registry data (the bytes of a {@code hex(n):} line) into the model's typed text form: numbers as
 * unsigned decimal, strings decoded from UTF-16LE, binary as lower-case hex pairs. Type numbers are the
 * Windows REG_* constants, which .reg files write in hex ({@code hex(b)} = 11 = REG_QWORD) [S60][S62].
 */
final class ValueDecoding {

    /** A decoded value, or {@code error} saying why the bytes do not fit the type. */
    record Decoded(String type, String data, String error) {
        static Decoded ok(String type, String data) {
            return new Decoded(type, data, null);
        }

        static Decoded bad(String error) {
            return new Decoded(null, null, error);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private ValueDecoding() {
    }

    static String typeName(long type) {
        return switch ((int) type) {
            case 0 -> "REG_NONE";
            case 1 -> "REG_SZ";
            case 2 -> "REG_EXPAND_SZ";
            case 3 -> "REG_BINARY";
            case 4 -> "REG_DWORD";
            case 7 -> "REG_MULTI_SZ";
            case 11 -> "REG_QWORD";
            default -> "REG_UNKNOWN(" + type + ")";
        };
    }

    static Decoded decode(long type, byte[] bytes) {
        if (type < 0 || type > 11) {
            return Decoded.ok(typeName(type), HEX.formatHex(bytes));
        }
        return switch ((int) type) {
            case 1, 2 -> Decoded.ok(typeName(type), firstString(utf16(bytes)));
            case 7 -> Decoded.ok(typeName(type), String.join("\n", strings(utf16(bytes))));
            case 4 -> bytes.length == 4 ? Decoded.ok("REG_DWORD", Long.toUnsignedString(littleEndian(bytes)))
                    : Decoded.bad("REG_DWORD data needs 4 bytes, found " + bytes.length);
            case 11 -> bytes.length == 8 ? Decoded.ok("REG_QWORD", Long.toUnsignedString(littleEndian(bytes)))
                    : Decoded.bad("REG_QWORD data needs 8 bytes, found " + bytes.length);
            default -> Decoded.ok(typeName(type), HEX.formatHex(bytes));
        };
    }

    /** Lower-case hex pairs without separators, the model's form for binary data. */
    static String hexPairs(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static String utf16(byte[] bytes) {
        // An odd trailing byte cannot be part of a UTF-16 character; Windows ignores it too.
        return new String(bytes, 0, bytes.length - bytes.length % 2, StandardCharsets.UTF_16LE);
    }

    private static String firstString(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /** REG_MULTI_SZ: NUL-separated strings ending in an empty one; trailing empties are the terminator. */
    static List<String> strings(String text) {
        List<String> parts = new ArrayList<>(List.of(text.split("\0", -1)));
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static long littleEndian(byte[] bytes) {
        long v = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            v = v << 8 | (bytes[i] & 0xff);
        }
        return v;
    }
}
