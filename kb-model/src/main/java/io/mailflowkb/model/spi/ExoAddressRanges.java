package io.mailflowkb.model.spi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Exchange Online's published mail address ranges, as a collector receives them (inside the {@link SymptomSet} of
 * its request): the caller that loaded the knowledge fills them from the knowledge's {@code exoAddressRanges:}
 * table, so collectors never read knowledge. Immutable and thread-safe.
 */
public final class ExoAddressRanges {

    /** Where the shipped ranges come from. */
    public static final String PUBLISHED_SOURCE = "https://learn.microsoft.com/microsoft-365/enterprise/"
            + "urls-and-ip-address-ranges";

    /**
     * The shipped table ({@code knowledge/tls-deprecation/exo-address-ranges.yaml}, Microsoft's "Microsoft 365 URLs
     * and IP address ranges", endpoint IDs 9 and 10, SMTP), for a caller that passes none; a kb-rules test keeps the
     * two equal.
     */
    public static final ExoAddressRanges PUBLISHED = of(List.of("40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14",
            "104.47.0.0/17", "2a01:111:f400::/48", "2a01:111:f403::/48"), PUBLISHED_SOURCE);

    private final List<String> ranges;
    private final List<Cidr> cidrs;
    private final String source;

    private ExoAddressRanges(List<String> ranges, List<Cidr> cidrs, String source) {
        this.ranges = ranges;
        this.cidrs = cidrs;
        this.source = source;
    }

    /** The ranges, as {@code address/bits}; an {@link IllegalArgumentException} names the first that is not one. */
    public static ExoAddressRanges of(List<String> ranges, String source) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String r : ranges) {
            cidrs.add(cidr(r));
        }
        return new ExoAddressRanges(List.copyOf(ranges), List.copyOf(cidrs), source);
    }

    /** Why {@code range} is not an {@code address/bits} range, or {@code null} when it is one. */
    public static String problem(String range) {
        try {
            cidr(range);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public List<String> ranges() {
        return ranges;
    }

    /** Where the ranges were taken from (a URL, or the knowledge files that gave them). */
    public String source() {
        return source;
    }

    /** Whether a literal IPv4/IPv6 address (no name lookups, ever) lies in one of the ranges. */
    public boolean contains(String ip) {
        byte[] a = ip == null ? null : literal(ip);
        return a != null && cidrs.stream().anyMatch(c -> c.contains(a));
    }

    private static Cidr cidr(String range) {
        int slash = range == null ? -1 : range.indexOf('/');
        byte[] net = slash < 0 ? null : literal(range.substring(0, slash));
        int bits = -1;
        try {
            bits = slash < 0 ? -1 : Integer.parseInt(range.substring(slash + 1));
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (net == null || bits < 0 || bits > net.length * 8) {
            throw new IllegalArgumentException("'" + range + "' is not an address range like 40.92.0.0/15");
        }
        return new Cidr(net, bits);
    }

    private static byte[] literal(String ip) {
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
}
