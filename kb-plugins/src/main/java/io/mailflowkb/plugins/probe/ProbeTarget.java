package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.InvalidInputException;

/**
 * A probe target parsed from {@code host[:port]}; IPv6 literals must be bracketed ({@code [::1]:25}).
 *
 * @param host      host name or IP literal, without brackets
 * @param port      TCP port, 25 when not given
 * @param ipLiteral whether {@code host} is an IP address (then no certificate name check applies)
 */
public record ProbeTarget(String host, int port, boolean ipLiteral) {

    public static final int DEFAULT_PORT = 25;

    public static ProbeTarget parse(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidInputException("probe", null, "no probe target given (expected host[:port])");
        }
        String t = target.strip();
        String host;
        String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw bad(target, "unclosed '[' in IPv6 literal");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(target, "expected ':port' after ']'");
                }
                port = rest.substring(1);
            }
            if (!host.contains(":")) {
                throw bad(target, "brackets are only for IPv6 literals");
            }
        } else {
            int colon = t.indexOf(':');
            if (colon >= 0 && t.indexOf(':', colon + 1) >= 0) {
                throw bad(target, "IPv6 literals must be written in brackets, e.g. [::1]:25");
            }
            host = colon < 0 ? t : t.substring(0, colon);
            port = colon < 0 ? null : t.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw bad(target, "invalid host '" + host + "'");
        }
        int p = DEFAULT_PORT;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw bad(target, "invalid port '" + port + "'");
            }
            if (p < 1 || p > 65535) {
                throw bad(target, "port out of range: " + p);
            }
        }
        boolean ip = host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        return new ProbeTarget(host, p, ip);
    }

    private static InvalidInputException bad(String target, String why) {
        return new InvalidInputException(target, null, "not a probe target (host[:port]): " + why);
    }

    /** {@code host:port} with IPv6 bracketed: how results name the target. */
    public String display() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The provenance source of everything this probe reports. */
    public String source() {
        return "probe:" + display();
    }
}
