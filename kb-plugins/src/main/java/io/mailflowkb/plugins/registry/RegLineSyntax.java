package io.mailflowkb.plugins.registry;

import java.io.ByteArrayOutputStream;

/**
 * Reading the syntax of a .reg line: quoted strings with escapes, trailing comments, hex byte lists (as regedit
 * and Wine read it, [S60] [S71] in docs/sources.md). The writing side is kb-rules' fix writers.
 */
final class RegLineSyntax {

    private RegLineSyntax() {
    }

    /** A position in one line. */
    static final class Cursor {
        private final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        /** Reads a {@code "..."} string at the cursor, unescaping \\ \" \n \r; null if unterminated. */
        String quoted() {
            if (pos >= s.length() || s.charAt(pos) != '"') {
                return null;
            }
            StringBuilder out = new StringBuilder();
            for (int i = pos + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    pos = i + 1;
                    return out.toString();
                }
                if (c == '\\' && i + 1 < s.length()) {
                    char e = s.charAt(++i);
                    switch (e) {
                        case '\\', '"' -> out.append(e);
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        default -> out.append('\\').append(e);   // Wine keeps unknown escapes as written
                    }
                } else {
                    out.append(c);
                }
            }
            return null;
        }

        void skipBlanks() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        boolean eat(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        String rest() {
            return s.substring(pos);
        }

        /** Whether only blanks or a {@code ;} comment remain (a ';' after a value ends the line [S71]). */
        boolean onlyCommentLeft() {
            skipBlanks();
            return pos >= s.length() || s.charAt(pos) == ';';
        }
    }

    /** The text before a trailing {@code ;} comment (for data that cannot contain ';': dword, hex). */
    static String uncomment(String data) {
        int semi = data.indexOf(';');
        return semi < 0 ? data : data.substring(0, semi);
    }

    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Comma-separated bytes of one or two hex digits, blanks allowed; null when malformed. */
    static byte[] hexBytes(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 3 + 1);
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            int value = 0;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0) {
                value = value * 16 + Character.digit(text.charAt(i), 16);
                i++;
            }
            int digits = i - start;
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (digits == 0) {
                // empty data ("hex:") or a trailing comma at the very end is fine; an empty slot elsewhere is not
                return i >= n ? out.toByteArray() : null;
            }
            if (digits > 2) {
                return null;
            }
            out.write(value);
            if (i < n && text.charAt(i) != ',') {
                return null;
            }
            i++;
        }
        return out.toByteArray();
    }
}
