package io.mailflowkb.plugins.logs;

import java.util.Arrays;

/**
 * Splits one CSV line of an Exchange log: fields separated by commas, a field in double quotes may contain
 * commas, {@code ""} inside quotes is one quote [S31][S58]. A quote that is never closed takes the rest of the
 * line (truncated logs). Allocation is one String per field.
 */
public final class CsvSplitter {

    private CsvSplitter() {
    }

    public static String[] split(String line, int expected) {
        String[] out = new String[Math.max(4, expected)];
        int n = 0;
        int len = line.length();
        int i = 0;
        StringBuilder quoted = null;
        while (true) {
            String field;
            int close = i < len && line.charAt(i) == '"' ? line.indexOf('"', i + 1) : -1;
            if (close > 0 && (close + 1 == len || line.charAt(close + 1) == ',')) {
                // the usual quoted field: no doubled quotes inside, closed right before a comma
                field = line.substring(i + 1, close);
                i = close + 1;
            } else if (i < len && line.charAt(i) == '"') {
                if (quoted == null) {
                    quoted = new StringBuilder();
                }
                quoted.setLength(0);
                i++;
                while (i < len) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < len && line.charAt(i + 1) == '"') {
                            quoted.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    quoted.append(c);
                    i++;
                }
                // text after the closing quote up to the next comma belongs to the field (lenient)
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? len : comma;
                if (end > i) {
                    quoted.append(line, i, end);
                }
                field = quoted.toString();
                i = end;
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? len : comma;
                field = line.substring(i, end);
                i = end;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = field;
            if (i >= len) {
                break;
            }
            i++; // skip the comma
            if (i == len) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n + 1);
                }
                out[n++] = "";
                break;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
