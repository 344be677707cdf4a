package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.fact.RegistryPaths;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Random registry trees and the three texts Windows would write for them: a regedit export (UTF-16LE with BOM,
 * CRLF, hex wrapped at column 80 [S62]), the same as UTF-8 with LF as editors save it, and {@code reg query /s}
 * output [S64][S70]. {@link #expected} is what a parser must read back.
 */
final class RegTreeWriter {

    /** One value as generated; {@code raw} is a String, List of Strings, Long or byte[] depending on type. */
    record Value(String name, String type, Object raw) {
    }

    record Key(String path, List<Value> values) {
    }

    private static final String NAME_CHARS = "abcdefghijKLMNOPQRSTxyz0123456789 .-_()'éßΩ中\u00a0";
    private static final String TEXT_CHARS = NAME_CHARS + "\"\\;=[]@%,:/ü€😀";
    private static final HexFormat HEX = HexFormat.of();

    private RegTreeWriter() {
    }

    static List<Key> randomTree(Random r, String rootName) {
        List<Key> keys = new ArrayList<>();
        addKey(r, "HKEY_LOCAL_MACHINE\\SOFTWARE\\" + rootName, 0, keys);
        return keys;
    }

    private static void addKey(Random r, String path, int depth, List<Key> out) {
        List<Value> values = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int count = r.nextInt(6);
        for (int i = 0; i < count; i++) {
            String name = r.nextInt(8) == 0 ? "" : text(r, TEXT_CHARS, 1 + r.nextInt(12));
            if (name.equals("(Default)") || !names.add(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            values.add(randomValue(r, name));
        }
        out.add(new Key(path, values));
        if (depth < 3) {
            Set<String> children = new HashSet<>();
            int n = r.nextInt(depth == 0 ? 5 : 3);
            for (int i = 0; i < n; i++) {
                String child = text(r, NAME_CHARS, 1 + r.nextInt(10)).strip();
                if (!child.isEmpty() && children.add(child.toLowerCase(Locale.ROOT))) {
                    addKey(r, path + "\\" + child, depth + 1, out);
                }
            }
        }
    }

    private static Value randomValue(Random r, String name) {
        return switch (r.nextInt(7)) {
            case 0 -> new Value(name, "REG_SZ", text(r, TEXT_CHARS, r.nextInt(40)));
            case 1 -> new Value(name, "REG_EXPAND_SZ", "%SystemRoot%\\" + text(r, TEXT_CHARS, r.nextInt(30)));
            case 2 -> {
                List<String> parts = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    String p = text(r, TEXT_CHARS, 1 + r.nextInt(25));
                    if (!p.contains("\\0")) {
                        parts.add(p);
                    }
                }
                yield new Value(name, "REG_MULTI_SZ", parts);
            }
            case 3 -> new Value(name, "REG_DWORD", r.nextBoolean() ? (long) r.nextInt(3) : r.nextLong() & 0xffffffffL);
            case 4 -> new Value(name, "REG_QWORD", r.nextLong());
            case 5 -> new Value(name, "REG_BINARY", bytes(r, r.nextInt(70)));
            default -> new Value(name, "REG_NONE", bytes(r, r.nextInt(5)));
        };
    }

    /** Random text that reg query can show unambiguously: no run of four blanks, no NUL. */
    private static String text(Random r, String alphabet, int length) {
        int[] cps = alphabet.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return b.toString().replace("    ", "  x ");
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** What the collector must report: one line per key, then its values, in order. */
    static List<String> expected(List<Key> tree) {
        List<String> out = new ArrayList<>();
        for (Key k : tree) {
            String key = RegistryPaths.canonical(k.path());
            out.add("K|" + key);
            for (Value v : k.values()) {
                out.add("V|" + key + "|" + v.name() + "|" + v.type() + "|" + modelData(v));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String modelData(Value v) {
        return switch (v.type()) {
            case "REG_SZ", "REG_EXPAND_SZ" -> (String) v.raw();
            case "REG_MULTI_SZ" -> String.join("\n", (List<String>) v.raw());
            case "REG_DWORD", "REG_QWORD" -> Long.toUnsignedString((Long) v.raw());
            default -> HEX.formatHex((byte[]) v.raw());
        };
    }

    /** A .reg export; {@code crlf} and {@code indent} choose between regedit's and a hand-edited layout. */
    static String regFile(List<Key> tree, boolean crlf, String indent) {
        StringBuilder b = new StringBuilder("Windows Registry Editor Version 5.00\n");
        for (Key k : tree) {
            b.append('\n').append('[').append(k.path()).append("]\n");
            for (Value v : k.values()) {
                regValue(b, v, indent);
            }
        }
        b.append('\n');
        return crlf ? b.toString().replace("\n", "\r\n") : b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void regValue(StringBuilder b, Value v, String indent) {
        String name = v.name().isEmpty() ? "@" : quote(v.name());
        switch (v.type()) {
            case "REG_SZ" -> b.append(name).append('=').append(quote((String) v.raw())).append('\n');
            case "REG_DWORD" -> b.append(name).append(String.format("=dword:%08x", (Long) v.raw())).append('\n');
            case "REG_EXPAND_SZ" -> hex(b, name + "=hex(2):", utf16z((String) v.raw()), indent);
            case "REG_MULTI_SZ" -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (String s : (List<String>) v.raw()) {
                    bytes.writeBytes(utf16z(s));
                }
                bytes.writeBytes(new byte[] {0, 0});
                hex(b, name + "=hex(7):", bytes.toByteArray(), indent);
            }
            case "REG_QWORD" -> {
                byte[] le = new byte[8];
                long q = (Long) v.raw();
                for (int i = 0; i < 8; i++) {
                    le[i] = (byte) (q >>> (8 * i));
                }
                hex(b, name + "=hex(b):", le, indent);
            }
            case "REG_BINARY" -> hex(b, name + "=hex:", (byte[]) v.raw(), indent);
            default -> hex(b, name + "=hex(0):", (byte[]) v.raw(), indent);
        }
    }

    /** regedit's wrapping: a trailing backslash before column 80, continuation lines indented. */
    private static void hex(StringBuilder b, String prefix, byte[] data, String indent) {
        StringBuilder line = new StringBuilder(prefix);
        for (int i = 0; i < data.length; i++) {
            String piece = HEX.toHexDigits(data[i]) + (i < data.length - 1 ? "," : "");
            if (line.length() + piece.length() > 77) {
                b.append(line).append("\\\n");
                line = new StringBuilder(indent);
            }
            line.append(piece);
        }
        b.append(line).append('\n');
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static byte[] utf16z(String s) {
        byte[] t = (s + "\0").getBytes(StandardCharsets.UTF_16LE);
        return t;
    }

    /** {@code reg query ROOT /s} output with CRLF, as Windows prints it. */
    @SuppressWarnings("unchecked")
    static String regQuery(List<Key> tree) {
        StringBuilder b = new StringBuilder("\r\n");
        int matches = 0;
        for (Key k : tree) {
            b.append(k.path()).append("\r\n");
            for (Value v : k.values()) {
                String data = switch (v.type()) {
                    case "REG_SZ", "REG_EXPAND_SZ" -> (String) v.raw();
                    case "REG_MULTI_SZ" -> String.join("\\0", (List<String>) v.raw());
                    case "REG_DWORD", "REG_QWORD" -> "0x" + Long.toHexString((Long) v.raw());
                    default -> HEX.withUpperCase().formatHex((byte[]) v.raw());
                };
                b.append("    ").append(v.name().isEmpty() ? "(Default)" : v.name())
                        .append("    ").append(v.type()).append("    ").append(data).append("\r\n");
                matches++;
            }
            b.append("\r\n");
            matches++;
        }
        return b.append("End of search: ").append(matches).append(" match(es) found.\r\n").toString();
    }

    static byte[] utf16WithBom(String text) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    }

    static byte[] encode(String text, Charset cs) {
        return text.getBytes(cs);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
