package io.mailflowkb.model.bundle;

import java.util.regex.Pattern;

/**
 * Finds the line where an unknown key was written. Jackson reports where the parser stopped (often the line after
 * the key, and no position at all for record creators), so the reader looks back from there for the key itself.
 */
public final class KeyLines {

    private KeyLines() {
    }

    /**
     * The 1-based line, at or before {@code reported}, on which {@code key} is written as a mapping key, or
     * {@code reported} when no such line is found.
     */
    public static Integer find(String text, String key, Integer reported) {
        if (key == null) {
            return reported;
        }
        Pattern asKey = Pattern.compile("(^|[\\s{,\\-])[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        String[] lines = text.split("\r\n|\r|\n", -1);
        int from = reported == null || reported < 1 ? lines.length : Math.min(reported, lines.length);
        for (int i = from - 1; i >= 0; i--) {
            if (asKey.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        for (int i = from; i < lines.length; i++) {
            if (asKey.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return reported;
    }
}
