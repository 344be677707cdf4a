package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.spi.FactSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads the output of {@code reg query KEY [/s]} [S64][S65][S66]: a full key path at column 0, then one line per
 * value, {@code "    name    REG_TYPE    data"}. Without {@code /s} the subkeys are only listed, so only the
 * keys it shows are known; with {@code /s} (trailer "End of search", [S70]) the whole tree below is known.
 */
final class RegQueryParser {

    private static final String SEP = "    ";
    private static final String TRAILER = "End of search:";

    private final String source;
    private final boolean withLines;
    private final FactSink warnings;
    private final FactBuffer facts = new FactBuffer();

    private String firstKey;
    private String key;
    private boolean trailer;
    private boolean nestedValues;

    /** @param withLines whether provenance gets line numbers (not for live output, which is no file) */
    RegQueryParser(String source, boolean withLines, FactSink warnings) {
        this.source = source;
        this.withLines = withLines;
        this.warnings = warnings;
    }

    List<Fact> parse(LineReader in) throws IOException {
        LineReader.Line line;
        while ((line = in.next()) != null) {
            line(line);
        }
        boolean subtree = trailer || nestedValues;
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts.drain()) {
            out.add(f instanceof RegistryKey k ? new RegistryKey(k.key(), false, subtree, k.source()) : f);
        }
        return out;
    }

    private void line(LineReader.Line line) {
        int n = line.number();
        String raw = n == 1 ? RegistryFormat.stripBom(line.text()) : line.text();
        if (line.truncated()) {
            warn(n, "line of " + line.length() + " characters skipped: " + Quoted.of(raw));
            return;
        }
        if (raw.isBlank()) {
            return;
        }
        String t = raw.strip();
        if (t.startsWith("ERROR:")) {
            warn(n, "reg query reported: " + Quoted.of(t));
        } else if (t.startsWith(TRAILER)) {
            trailer = true;
        } else if (!raw.startsWith(" ") && RegistryFormat.root(t) != null) {
            keyLine(t, n);
        } else if (raw.startsWith(SEP)) {
            valueLine(raw.substring(SEP.length()), n);
        } else {
            warn(n, "line ignored (neither a key path nor a value): " + Quoted.of(t));
        }
    }

    private void keyLine(String t, int n) {
        key = RegistryPaths.canonical(t);
        if (firstKey == null) {
            firstKey = key;
        }
        facts.key(key, false, at(n));
    }

    private void valueLine(String body, int n) {
        if (key == null) {
            warn(n, "value before any key path ignored: " + Quoted.of(body));
            return;
        }
        // Names may contain spaces: the type token is the LAST "    REG_xxx" followed by the separator or the end.
        int typeAt = -1;
        int typeEnd = -1;
        for (int from = body.length(); from >= 0; ) {
            int i = body.lastIndexOf(SEP + "REG_", from);
            if (i < 0) {
                break;
            }
            int end = i + SEP.length();
            while (end < body.length() && isTypeChar(body.charAt(end))) {
                end++;
            }
            if (end == body.length() || body.startsWith(SEP, end)) {
                typeAt = i;
                typeEnd = end;
                break;
            }
            from = i - 1;
        }
        if (typeAt < 0) {
            warn(n, "value line without a REG_ type ignored: " + Quoted.of(body));
            return;
        }
        String name = body.substring(0, typeAt);
        String type = body.substring(typeAt + SEP.length(), typeEnd);
        String data = typeEnd + SEP.length() <= body.length() ? body.substring(typeEnd + SEP.length()) : "";
        if (name.equals("(Default)")) {
            if (data.equals("(value not set)")) {
                return;           // reg query shows an absent default value this way: no value exists
            }
            name = "";
        }
        String converted = convert(type, data);
        if (converted == null) {
            warn(n, "value data does not match its type " + type + ", line skipped: " + Quoted.of(body));
            return;
        }
        // Without /s only the queried key's values are listed; values below it mean /s.
        nestedValues |= RegistryPaths.isAncestor(firstKey, key);
        facts.value(new RegistryValue(key, name, knownType(type), converted, at(n)));
    }

    private static boolean isTypeChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == 'x';
    }

    private static String knownType(String type) {
        return switch (type) {
            case "REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ", "REG_DWORD", "REG_QWORD", "REG_BINARY", "REG_NONE" -> type;
            case "REG_DWORD_BIG_ENDIAN" -> "REG_UNKNOWN(5)";
            case "REG_LINK" -> "REG_UNKNOWN(6)";
            case "REG_RESOURCE_LIST" -> "REG_UNKNOWN(8)";
            case "REG_FULL_RESOURCE_DESCRIPTOR" -> "REG_UNKNOWN(9)";
            case "REG_RESOURCE_REQUIREMENTS_LIST" -> "REG_UNKNOWN(10)";
            default -> "REG_UNKNOWN(" + type + ")";
        };
    }

    /** The model's form of reg query data, or null when it does not fit the type. */
    private static String convert(String type, String data) {
        switch (type) {
            case "REG_DWORD", "REG_QWORD" -> {
                String d = data.strip();
                if (!d.regionMatches(true, 0, "0x", 0, 2) || d.length() == 2 || d.length() > 18
                        || !RegLineSyntax.isHex(d.substring(2)) || type.equals("REG_DWORD") && d.length() > 10) {
                    return null;
                }
                return Long.toUnsignedString(Long.parseUnsignedLong(d.substring(2), 16));
            }
            case "REG_MULTI_SZ" -> {
                return String.join("\n", ValueDecoding.strings(data.replace("\\0", "\0")));
            }
            case "REG_SZ", "REG_EXPAND_SZ" -> {
                return data;
            }
            default -> {
                // REG_BINARY, REG_NONE and the rare types are shown as upper-case hex pairs
                String d = data.strip();
                if (d.length() % 2 != 0 || !RegLineSyntax.isHex(d)) {
                    return null;
                }
                return ValueDecoding.hexPairs(HexFormat.of().parseHex(d.toLowerCase(Locale.ROOT)));
            }
        }
    }

    private Provenance at(int line) {
        return withLines ? Provenance.of(source, line) : Provenance.of(source);
    }

    private void warn(int line, String message) {
        warnings.warning(source, withLines ? line : null, message);
    }
}
