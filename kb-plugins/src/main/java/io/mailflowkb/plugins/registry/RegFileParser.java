package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.spi.FactSink;
import java.io.IOException;
import java.util.List;

/**
 * Reads a .reg text line by line the way {@code regedit}/{@code reg import} would, following the Wine/ReactOS
 * importer that was written against Windows' behaviour [S71]; syntax from [S60][S61][S62]. Whatever an import
 * would not apply is not reported as a fact; every such line is a warning quoting it.
 */
final class RegFileParser {

    static final String HEADER_5 = "Windows Registry Editor Version 5.00";
    static final String HEADER_4 = "REGEDIT4";

    /** Longest hex value kept (characters of joined continuation lines): 8 MiB of text, ~2.7 MB of data. */
    private static final int MAX_HEX_CHARS = 8 << 20;

    private final String source;
    private final FactSink warnings;
    private final FactBuffer facts = new FactBuffer();

    private boolean headerDone;
    private boolean importsNothing;
    private String key;
    private PendingHex pending;

    /** A {@code hex(n):} value whose line ended with a backslash, waiting for its continuation lines. */
    private record PendingHex(String name, long type, StringBuilder hex, int line) {
    }

    RegFileParser(String source, FactSink warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    List<Fact> parse(LineReader in) throws IOException {
        LineReader.Line line;
        while ((line = in.next()) != null) {
            line(line);
        }
        if (pending != null) {
            warn(pending.line(), "hex data of value " + Quoted.of(pending.name()) + " ends with '\\' at the end of the file");
            finishHex();
        }
        return facts.drain();
    }

    private void line(LineReader.Line line) {
        int n = line.number();
        String raw = n == 1 ? RegistryFormat.stripBom(line.text()) : line.text();
        if (line.truncated()) {
            warn(n, "line of " + line.length() + " characters skipped (longer than " + LineReader.MAX_KEPT
                    + "): " + Quoted.of(raw));
            pending = null;
            return;
        }
        String t = raw.strip();
        if (pending != null && continuation(t, n)) {
            return;
        }
        if (t.isEmpty() || t.startsWith(";")) {
            return;             // Wine: only lines starting with [ @ " mean anything; ';' lines are comments
        }
        if (!headerDone) {
            headerDone = true;
            if (header(t, n)) {
                return;
            }
            warn(n, "no '" + HEADER_5 + "' or '" + HEADER_4 + "' header: regedit would refuse this text;"
                    + " read as a pasted snippet");
        }
        if (importsNothing) {
            return;
        }
        switch (t.charAt(0)) {
            case '[' -> keyLine(t, n);
            case '"', '@' -> valueLine(t, n);
            default -> {
                if (RegistryFormat.root(t) != null && t.endsWith("]")) {
                    warn(n, "key line lacks its opening '[' (regedit would ignore it); read as a key anyway: " + Quoted.of(t));
                    keyLine("[" + t, n);
                } else {
                    warn(n, "line ignored (regedit only reads lines starting with '[', '\"' or '@'): " + Quoted.of(t));
                }
            }
        }
    }

    private boolean header(String t, int n) {
        if (t.equals(HEADER_5) || t.equals(HEADER_4)) {
            return true;
        }
        if (t.startsWith("Windows Registry Editor") || t.startsWith("REGEDIT")) {
            // Wine: other REGEDIT headers are accepted but nothing is imported [S71].
            warn(n, "unsupported header " + Quoted.of(t) + ": regedit would import nothing, so no values are read");
            importsNothing = true;
            return true;
        }
        return false;
    }

    private void keyLine(String t, int n) {
        int close = t.lastIndexOf(']');      // the key name runs to the LAST ']' [S71]
        if (close < 0) {
            warn(n, "key line without closing ']' ignored, and the values after it: " + Quoted.of(t));
            key = null;
            return;
        }
        String rest = t.substring(close + 1).strip();
        if (!rest.isEmpty()) {
            warn(n, "text after the key name is ignored, as regedit does (values on this line are NOT set): "
                    + Quoted.of(rest));
        }
        String name = t.substring(1, close).strip();
        boolean delete = name.startsWith("-");
        if (delete) {
            name = name.substring(1).strip();
        }
        String root = RegistryFormat.root(name);
        if (root == null) {
            warn(n, "key with an unknown root ignored, and the values after it: " + Quoted.of(t));
            key = null;
            return;
        }
        if (RegistryFormat.isDriveRoot(root)) {
            warn(n, "PowerShell drive name " + Quoted.of(root) + " in a key line: regedit would reject this key;"
                    + " read as the registry root");
        } else if (!RegistryFormat.isFullRoot(root)) {
            warn(n, "abbreviated root " + Quoted.of(root) + " in a key line: regedit would reject this key;"
                    + " read as the registry root");
        }
        String canonical = RegistryPaths.canonical(name);
        if (delete) {
            facts.deleteKey(canonical, at(n));
            key = null;                       // values after a deleted key have nowhere to go
        } else {
            facts.key(canonical, true, at(n));     // regedit exports whole subtrees
            key = canonical;
        }
    }

    private void valueLine(String t, int n) {
        if (key == null) {
            warn(n, "value outside a usable key ignored: " + Quoted.of(t));
            return;
        }
        RegLineSyntax.Cursor c = new RegLineSyntax.Cursor(t);
        String name;
        if (t.charAt(0) == '@') {
            name = "";
            c.pos = 1;
        } else {
            name = c.quoted();
            if (name == null) {
                warn(n, "value name without closing quote, line skipped: " + Quoted.of(t));
                return;
            }
        }
        c.skipBlanks();
        if (!c.eat('=')) {
            warn(n, "expected '=' after the value name, line skipped: " + Quoted.of(t));
            return;
        }
        c.skipBlanks();
        String data = c.rest();
        if (data.startsWith("\"")) {
            String text = c.quoted();
            if (text == null || !c.onlyCommentLeft()) {
                warn(n, "malformed string value, line skipped: " + Quoted.of(t));
                return;
            }
            facts.value(new RegistryValue(key, name, "REG_SZ", text, at(n)));
        } else if (data.startsWith("-")) {
            c.pos++;
            if (c.onlyCommentLeft()) {
                facts.deleteValue(key, name);
            } else {
                warn(n, "malformed value deletion, line skipped: " + Quoted.of(t));
            }
        } else if (data.regionMatches(true, 0, "dword:", 0, 6)) {
            dword(name, RegLineSyntax.uncomment(data.substring(6)).strip(), t, n);
        } else if (data.regionMatches(true, 0, "hex", 0, 3)) {
            hexStart(name, data, t, n);
        } else {
            warn(n, "unknown value data type, line skipped: " + Quoted.of(t));
        }
    }

    private void dword(String name, String digits, String t, int n) {
        // dword: takes 1 to 8 hex digits; anything longer is rejected, not truncated [S71]
        if (digits.isEmpty() || digits.length() > 8 || !RegLineSyntax.isHex(digits)) {
            warn(n, "invalid dword (1 to 8 hex digits), line skipped: " + Quoted.of(t));
            return;
        }
        facts.value(RegistryValue.dword(key, name, Long.parseLong(digits, 16), at(n)));
    }

    private void hexStart(String name, String data, String t, int n) {
        long type = 3;
        int colon = data.indexOf(':');
        if (colon < 0) {
            warn(n, "hex value without ':', line skipped: " + Quoted.of(t));
            return;
        }
        String spec = data.substring(3, colon).strip();
        if (!spec.isEmpty()) {
            String num = spec.startsWith("(") && spec.endsWith(")") ? spec.substring(1, spec.length() - 1).strip() : "";
            if (num.isEmpty() || num.length() > 8 || !RegLineSyntax.isHex(num)) {
                warn(n, "malformed hex(type) in value, line skipped: " + Quoted.of(t));
                return;
            }
            type = Long.parseLong(num, 16);
        }
        pending = new PendingHex(name, type, new StringBuilder(), n);
        appendHex(RegLineSyntax.uncomment(data.substring(colon + 1)).strip());
    }

    /** Handles a line while a hex value waits for continuations; false if the line is not one. */
    private boolean continuation(String t, int n) {
        if (t.isEmpty() || t.startsWith(";")) {
            return true;       // blank and comment lines inside continuations are tolerated [S71]
        }
        char c = t.charAt(0);
        if (c == '[' || c == '"' || c == '@') {
            warn(pending.line(), "hex data of value " + Quoted.of(pending.name()) + " ends with '\\' but line " + n
                    + " starts something new; value skipped");
            pending = null;
            return false;
        }
        appendHex(RegLineSyntax.uncomment(t).strip());
        return true;
    }

    private void appendHex(String part) {
        boolean more = part.endsWith("\\");
        StringBuilder hex = pending.hex();
        hex.append(more ? part.substring(0, part.length() - 1) : part);
        if (hex.length() > MAX_HEX_CHARS) {
            warn(pending.line(), "hex data of value " + Quoted.of(pending.name()) + " longer than "
                    + MAX_HEX_CHARS + " characters, value skipped");
            pending = null;
        } else if (!more) {
            finishHex();
        }
    }

    private void finishHex() {
        PendingHex p = pending;
        pending = null;
        byte[] bytes = RegLineSyntax.hexBytes(p.hex());
        if (bytes == null) {
            warn(p.line(), "malformed hex data in value " + Quoted.of(p.name()) + ", value skipped: " + Quoted.of(p.hex().toString()));
            return;
        }
        ValueDecoding.Decoded d = ValueDecoding.decode(p.type(), bytes);
        if (d.error() != null) {
            warn(p.line(), "value " + Quoted.of(p.name()) + " skipped: " + d.error());
            return;
        }
        facts.value(new RegistryValue(key, p.name(), d.type(), d.data(), at(p.line())));
    }

    private Provenance at(int line) {
        return Provenance.of(source, line);
    }

    private void warn(int line, String message) {
        warnings.warning(source, line, message);
    }
}
