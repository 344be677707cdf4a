package io.mailflowkb.plugins.logs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Tells whether a remote SMTP peer is Exchange Online, from its host name or IP address.
 *
 * <p>Host names: the EXO MX and outbound relay names end in {@code .mail.protection.outlook.com} /
 * {@code .outbound.protection.outlook.com} (both under {@code .protection.outlook.com}). Addresses: the
 * Exchange Online mail ranges Microsoft publishes in "Microsoft 365 URLs and IP address ranges" (endpoint IDs 9
 * and 10, SMTP): https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges . The list
 * changes rarely; an address outside it is classed "other", not "unknown".
 */
public final class ExoEndpoints {

    public static final String EXCHANGE_ONLINE = "exchange-online";
    public static final String OTHER = "other";
    public static final String UNKNOWN = "unknown";

    private static final List<String> HOST_SUFFIXES = List.of(
            ".mail.protection.outlook.com", ".outbound.protection.outlook.com", ".protection.outlook.com");
    private static final List<String> HOSTS = List.of(
            "mail.protection.outlook.com", "outbound.protection.outlook.com", "protection.outlook.com");

    private record Cidr(byte[] net, int bits) {
        boolean contains(byte[] a) {
            if (a.length != net.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != net[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (net[full] & mask);
        }
    }

    private static final List<Cidr> RANGES = List.of(
            cidr("40.92.0.0", 15), cidr("40.107.0.0", 16), cidr("52.100.0.0", 14), cidr("104.47.0.0", 17),
            cidr("2a01:111:f400::", 48), cidr("2a01:111:f403::", 48));

    private ExoEndpoints() {
    }

    /** {@code exchange-online}, {@code other}, or {@code unknown} when neither host nor address is known. */
    public static String classify(String host, String ip) {
        boolean hasHost = host != null && !host.isBlank();
        boolean hasIp = ip != null && !ip.isBlank();
        if (hasHost && isExoHost(host)) {
            return EXCHANGE_ONLINE;
        }
        if (hasIp && isExoAddress(ip)) {
            return EXCHANGE_ONLINE;
        }
        return hasHost || hasIp ? OTHER : UNKNOWN;
    }

    public static boolean isExoHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (HOSTS.contains(h)) {
            return true;
        }
        for (String s : HOST_SUFFIXES) {
            if (h.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a literal IPv4/IPv6 address (no name lookups, ever) lies in the published EXO mail ranges. */
    public static boolean isExoAddress(String ip) {
        byte[] a = parseLiteral(ip);
        if (a == null) {
            return false;
        }
        for (Cidr c : RANGES) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The address part of {@code ip:port}, {@code [v6]:port} or a bare address; {@code null} for blank. */
    public static String hostOfEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        String e = endpoint.strip();
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            return close > 0 ? e.substring(1, close) : e.substring(1);
        }
        int first = e.indexOf(':');
        int last = e.lastIndexOf(':');
        if (first >= 0 && first == last) {
            return e.substring(0, first);
        }
        return e;
    }

    private static byte[] parseLiteral(String ip) {
        String s = ip.strip();
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.isEmpty()) {
            return null;
        }
        boolean v4 = s.chars().allMatch(ch -> ch == '.' || (ch >= '0' && ch <= '9'));
        boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(ch -> ch == ':' || ch == '.'
                || Character.digit(ch, 16) >= 0);
        if (!v4 && !v6) {
            return null; // never hand a name to InetAddress: it would do a DNS lookup
        }
        if (v4) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] a = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
                    return null;
                }
                a[i] = (byte) Integer.parseInt(parts[i]);
            }
            return a;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Cidr cidr(String net, int bits) {
        return new Cidr(parseLiteral(net), bits);
    }
}
