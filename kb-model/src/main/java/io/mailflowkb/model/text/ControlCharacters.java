package io.mailflowkb.model.text;

/**
 * Makes text from outside (a peer's SMTP reply, a certificate name, a log line) safe to print on a terminal:
 * C0 and C1 control characters and DEL become {@code \xNN}, and the Unicode bidirectional overrides become
 * {@code \u202e}-style escapes, so {@code ESC ] 0 ; title BEL} cannot retitle the window, move the cursor or
 * make a line read backwards. Tab is kept. Used where such text enters (the probe collector) and, defensively,
 * where the text report prints evidence.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The text with every control character escaped; the same instance when there is none. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                b.append(c);
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    static boolean isControl(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
