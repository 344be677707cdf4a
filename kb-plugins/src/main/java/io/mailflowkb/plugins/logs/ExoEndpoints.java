package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.spi.ExoAddressRanges;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Tells whether a remote SMTP peer is Exchange Online, from its host name or IP address.
 *
 * <p>Host names: the EXO MX and outbound relay names end in {@code .mail.protection.outlook.com} /
 * {@code .outbound.protection.outlook.com} (both under {@code .protection.outlook.com}). Addresses: the
 * Exchange Online mail ranges the request carries ({@link io.mailflowkb.model.spi.SymptomSet#exoAddressRanges()},
 * filled from the knowledge's table of the ranges Microsoft publishes). An address outside them is classed
 * "other", not "unknown".
 */
public final class ExoEndpoints {

    public static final String EXCHANGE_ONLINE = "exchange-online";
    public static final String OTHER = "other";
    public static final String UNKNOWN = "unknown";

    private static final List<String> HOST_SUFFIXES = List.of(
            ".mail.protection.outlook.com", ".outbound.protection.outlook.com", ".protection.outlook.com");
    private static final List<String> HOSTS = List.of(
            "mail.protection.outlook.com", "outbound.protection.outlook.com", "protection.outlook.com");

    /** Bound of each answer memo: a log talks to a handful of peers, a hostile one cannot grow the heap. */
    static final int MAX_MEMO = 1024;

    private final ExoAddressRanges ranges;
    // a protocol log asks about the same few peers twice per session: answers kept (not thread-safe, like the
    // matcher that owns this object, one per reading thread)
    private final Map<String, Boolean> exoHosts = new HashMap<>();
    private final Map<String, Boolean> exoAddresses = new HashMap<>();

    public ExoEndpoints(ExoAddressRanges ranges) {
        this.ranges = ranges;
    }

    /** {@code exchange-online}, {@code other}, or {@code unknown} when neither host nor address is known. */
    public String classify(String host, String ip) {
        boolean hasHost = host != null && !host.isBlank();
        boolean hasIp = ip != null && !ip.isBlank();
        if (hasHost && memo(exoHosts, host, true)) {
            return EXCHANGE_ONLINE;
        }
        if (hasIp && memo(exoAddresses, ip, false)) {
            return EXCHANGE_ONLINE;
        }
        return hasHost || hasIp ? OTHER : UNKNOWN;
    }

    private boolean memo(Map<String, Boolean> answers, String key, boolean host) {
        Boolean known = answers.get(key);
        if (known == null) {
            known = host ? isExoHost(key) : ranges.contains(key);
            if (answers.size() >= MAX_MEMO) {
                answers.clear();
            }
            answers.put(key, known);
        }
        return known;
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
}
