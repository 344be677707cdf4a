package io.mailflowkb.plugins.clixml;

/**
 * PowerShell's serializer writes characters XML cannot carry (control characters, and {@code _} before {@code x}
 * where it would be ambiguous) as {@code _xHHHH_} with four hex digits, e.g. {@code _x000D__x000A_} for CRLF in a
 * certificate's {@code ToString} ([C1] [C9], docs/sources.md).
 */
final class Escapes {

    private Escapes() {
    }

    static String decode(String s) {
        if (s == null || s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 7 <= s.length() && s.charAt(i) == '_' && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_'
                    && hex(s, i + 2, i + 6)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
