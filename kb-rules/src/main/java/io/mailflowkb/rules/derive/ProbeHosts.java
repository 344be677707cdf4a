package io.mailflowkb.rules.derive;

/** The host part of a probe target ({@code host:port}, {@code [v6]:port} or a bare host). */
public final class ProbeHosts {

    private ProbeHosts() {
    }

    public static String host(String target) {
        if (target == null) {
            return null;
        }
        String t = target.strip();
        if (t.startsWith("[")) {
            int end = t.indexOf(']');
            return end < 0 ? t : t.substring(1, end);
        }
        int colon = t.lastIndexOf(':');
        return colon > 0 && t.indexOf(':') == colon ? t.substring(0, colon) : t;
    }
}
