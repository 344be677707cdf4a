package io.mailflowkb.plugins.powershell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Format-List} text as Windows PowerShell 5.1 prints it: records separated by blank lines, each
 * property as {@code Label<padding> : value} (padding to the longest label of the record), long values wrapped at
 * the console width with continuation lines indented to the value column. In English-like cultures PowerShell
 * wraps at word boundaries and keeps the space at the end of the broken line; a word longer than the line, and
 * every value in other cultures, is cut mid-word at the width. So continuation lines are joined to the previous
 * part directly when that part ends in a space or fills the line (the longest line of the record), and with one
 * space otherwise (a copy that lost its trailing blanks). Collections print as {@code {a, b}} and are cut with
 * {@code ...} (or {@code …} in PowerShell 6.2 and later) past {@code $FormatEnumerationLimit} [C23].
 *
 * <p>Streams record by record; a record holds at most {@link #MAX_RECORD_LINES} lines (the rest of a huge record
 * is read as further records) so memory stays bounded.
 */
public final class FormatListReader {

    static final int MAX_RECORD_LINES = 10_000;
    private static final int MAX_VALUE = 1 << 20;

    /** {@code Label : value}: a label starting at column 0, padding, one space, a colon, a space or the end. */
    private static final Pattern PROPERTY = Pattern.compile("^(\\S(?:[^:]*?\\S)?)( *) :(?: (.*))?$");

    /** Where the lines come from: a reader, or a byte-level line reader of a log scanner. */
    @FunctionalInterface
    public interface LineSource {
        /** The next line without its terminator, or {@code null} at the end. */
        String next() throws IOException;
    }

    private final LineSource in;
    private int lineNo;

    public FormatListReader(Reader in) {
        BufferedReader b = in instanceof BufferedReader br ? br : new BufferedReader(in, 1 << 16);
        this.in = b::readLine;
    }

    public FormatListReader(LineSource in) {
        this.in = in;
    }

    /**
     * Whether a text head looks like {@code Format-List} output: at least {@code minProperties} property lines
     * among the first 40 non-blank lines, aligned on one colon column, and more property lines than others.
     */
    public static boolean looksLikeFormatList(String head, int minProperties) {
        if (head == null) {
            return false;
        }
        int props = 0;
        int others = 0;
        int seen = 0;
        for (String line : head.lines().limit(400).toList()) {
            if (line.isBlank()) {
                continue;
            }
            if (++seen > 40) {
                break;
            }
            if (PROPERTY.matcher(stripBom(line)).matches()) {
                props++;
            } else if (!Character.isWhitespace(line.charAt(0))) {
                others++;
            }
        }
        return props >= minProperties && props > others;
    }

    /** The next record, or {@code null} at the end. */
    public FormatList.Record next() throws IOException {
        List<RawLine> lines = new ArrayList<>();
        String line;
        while ((line = read()) != null && line.isBlank()) {
            // blank lines between records
        }
        if (line == null) {
            return null;
        }
        lines.add(new RawLine(lineNo, line));
        while (lines.size() < MAX_RECORD_LINES && (line = read()) != null && !line.isBlank()) {
            lines.add(new RawLine(lineNo, line));
        }
        return build(lines);
    }

    private String read() throws IOException {
        String l = in.next();
        if (l != null) {
            lineNo++;
            if (lineNo == 1) {
                l = stripBom(l);
            }
        }
        return l;
    }

    private record RawLine(int number, String text) {
    }

    private static FormatList.Record build(List<RawLine> lines) {
        int width = 0;
        for (RawLine l : lines) {
            width = Math.max(width, l.text().length());
        }
        List<FormatList.Property> props = new ArrayList<>();
        List<FormatList.Line> other = new ArrayList<>();
        String name = null;
        StringBuilder value = null;
        int first = 0;
        int last = 0;
        int valueColumn = -1;
        String previous = null;
        for (RawLine l : lines) {
            String t = l.text();
            Matcher m = PROPERTY.matcher(t);
            boolean continuation = name != null && !t.isEmpty() && t.charAt(0) == ' '
                    && (valueColumn < 0 || leadingSpaces(t) >= Math.min(valueColumn, 4));
            if (continuation) {
                // PowerShell indents exactly to the value column; what follows may be value (a cut before a space)
                int lead = leadingSpaces(t);
                String part = lead >= valueColumn ? t.substring(valueColumn) : t.substring(lead);
                boolean direct = previous.endsWith(" ") || previous.length() >= width;
                if (value.length() < MAX_VALUE) {
                    if (!direct && value.length() > 0 && !part.isEmpty()) {
                        value.append(' ');
                    }
                    value.append(part);
                }
                previous = t;
                last = l.number();
                continue;
            }
            if (name != null) {
                props.add(property(name, value.toString(), first, last));
                name = null;
            }
            if (m.matches()) {
                name = m.group(1);
                value = new StringBuilder(m.group(3) == null ? "" : m.group(3));
                valueColumn = m.end(2) + 3;
                first = l.number();
                last = first;
                previous = t;
            } else {
                other.add(new FormatList.Line(l.number(), t));
            }
        }
        if (name != null) {
            props.add(property(name, value.toString(), first, last));
        }
        return new FormatList.Record(lines.get(0).number(), props, other);
    }

    private static FormatList.Property property(String name, String raw, int first, int last) {
        String value = raw.strip();
        boolean truncated = false;
        List<String> items;
        if (value.startsWith("{") && value.endsWith("}")) {
            String inner = value.substring(1, value.length() - 1).strip();
            items = new ArrayList<>();
            for (String item : inner.isEmpty() ? new String[0] : inner.split(",\\s*")) {
                String it = item.strip();
                if (it.endsWith("...") || it.endsWith("\u2026")) {
                    truncated = true;
                    it = it.substring(0, it.length() - (it.endsWith("...") ? 3 : 1)).strip();
                }
                if (!it.isEmpty()) {
                    items.add(it);
                }
            }
        } else {
            items = value.isEmpty() ? List.of() : List.of(value);
            truncated = value.endsWith("...}") || value.endsWith("\u2026}");
        }
        return new FormatList.Property(name, value, items, truncated, first, last);
    }

    private static int leadingSpaces(String t) {
        int i = 0;
        while (i < t.length() && t.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
