package io.mailflowkb.plugins.registry;

/** Input text as quoted in warnings: one line, at most ~120 characters, so a hostile line cannot flood a report. */
final class Quoted {

    private static final int LIMIT = 120;

    private Quoted() {
    }

    static String of(String text) {
        String s = text.strip();
        boolean cut = s.length() > LIMIT;
        String head = (cut ? s.substring(0, LIMIT) : s).replaceAll("\\p{Cntrl}", "\u00b7");
        return "'" + head + (cut ? "\u2026" : "") + "'";
    }
}
