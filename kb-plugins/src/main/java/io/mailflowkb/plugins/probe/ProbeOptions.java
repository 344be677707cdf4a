package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.InvalidInputException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Options of one probe, read from {@code request.options()} (all values are strings).
 *
 * @param versions JSSE protocol names ({@code TLSv1} .. {@code TLSv1.3}) in the order they are tried
 */
public record ProbeOptions(String ehlo, int connectTimeoutMs, int replyTimeoutMs, int handshakeTimeoutMs,
                           boolean implicitTls, boolean checkRequiredTls, List<String> versions, String trustCa) {

    public static final List<String> ALL_VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    public ProbeOptions {
        versions = List.copyOf(versions);
    }

    public static ProbeOptions from(Map<String, String> options, String source) {
        Map<String, String> o = options == null ? Map.of() : options;
        String ehlo = o.getOrDefault("ehlo", localHostName());
        if (!ehlo.matches("[A-Za-z0-9.\\[\\]:-]{1,255}")) {
            // the name goes verbatim onto the wire: no spaces or CR/LF that could smuggle extra commands
            throw new InvalidInputException(source, null, "option ehlo: not a host name: '" + ehlo + "'");
        }
        return new ProbeOptions(ehlo,
                millis(o, "connectTimeoutMs", source), millis(o, "replyTimeoutMs", source),
                millis(o, "handshakeTimeoutMs", source),
                bool(o, "implicitTls", source), bool(o, "checkRequiredTls", source),
                versions(o.get("versions"), source), o.get("trustCa"));
    }

    /** {@code TLSv1.2} -> {@code TLS 1.2}, the form {@code ProbeResult.tlsVersion} uses. */
    public static String label(String jsseName) {
        return switch (jsseName) {
            case "TLSv1" -> "TLS 1.0";
            case "TLSv1.1" -> "TLS 1.1";
            case "TLSv1.2" -> "TLS 1.2";
            case "TLSv1.3" -> "TLS 1.3";
            default -> jsseName;
        };
    }

    static List<String> versions(String value, String source) {
        if (value == null || value.isBlank()) {
            return ALL_VERSIONS;
        }
        List<String> out = new ArrayList<>();
        for (String raw : value.split(",")) {
            String v = raw.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("tlsv", "").replace("tls", "");
            String jsse = switch (v) {
                case "1", "1.0", "1_0" -> "TLSv1";
                case "1.1", "1_1" -> "TLSv1.1";
                case "1.2", "1_2" -> "TLSv1.2";
                case "1.3", "1_3" -> "TLSv1.3";
                default -> throw new InvalidInputException(source, null,
                        "option versions: unknown TLS version '" + raw.strip() + "' (use TLSv1,TLSv1.1,TLSv1.2,TLSv1.3)");
            };
            if (!out.contains(jsse)) {
                out.add(jsse);
            }
        }
        return out;
    }

    private static int millis(Map<String, String> o, String name, String source) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            return 5000;
        }
        try {
            int ms = Integer.parseInt(v.strip());
            if (ms < 1 || ms > 600_000) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source, null, "option " + name + ": expected 1..600000 ms, got '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> o, String name, String source) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new InvalidInputException(source, null, "option " + name + ": expected true or false, got '" + v + "'");
        };
    }

    private static String localHostName() {
        try {
            String n = InetAddress.getLocalHost().getHostName();
            return n.matches("[A-Za-z0-9.-]{1,255}") ? n : "localhost";
        } catch (Exception e) {
            return "localhost";
        }
    }
}
