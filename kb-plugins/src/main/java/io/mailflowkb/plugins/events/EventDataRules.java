package io.mailflowkb.plugins.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which events are kept and which of their data matter, so that events aggregate into a few facts.
 * Schannel data names come from its manifest templates [S23]; when an export has no names (Get-WinEvent
 * {@code Properties}, Event Viewer text) the position in the template, and else the rendered message, gives them.
 * MSExchange 12014 carries the certificate FQDN it could not find [S46]; 4001, 3005, 2015, 11013 are kept by id
 * alone (their data order is not documented in the sources).
 */
final class EventDataRules {

    static final String SCHANNEL = "Schannel";

    /** Template parameter names in order, per Schannel event id [S23]. */
    private static final Map<Integer, List<String>> SCHANNEL_TEMPLATES = Map.of(
            36870, List.of("Type", "ErrorCode", "ErrorStatus"),
            36871, List.of("Type", "ErrorState"),
            36874, List.of("Protocol"),
            36887, List.of("AlertDesc", "ErrorState"),
            36888, List.of("AlertDesc", "ErrorState"));

    private static final List<Pattern> SCHANNEL_MESSAGE = List.of(
            Pattern.compile("fatal (?:alert|error) code is (?<AlertDesc>\\d+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("SChannel error state is (?<ErrorState>\\d+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("creating an? TLS (?<Type>\\w+) credential", Pattern.CASE_INSENSITIVE),
            Pattern.compile("internal error state is (?<ErrorState>\\d+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("An? (?<Protocol>TLS \\d\\.\\d|SSL \\d\\.\\d|TLS1\\.\\d) connection request",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("TLS (?<Type>\\w+) credential private key", Pattern.CASE_INSENSITIVE),
            Pattern.compile("cryptographic module is (?<ErrorCode>0x[0-9A-Fa-f]+)", Pattern.CASE_INSENSITIVE));

    private static final Pattern CERT_FQDN = Pattern.compile(
            "certificate that contains the domain name (.+?) in the personal store", Pattern.CASE_INSENSITIVE);

    private EventDataRules() {
    }

    /** Whether events of this provider are kept: Schannel and MSExchange* only. */
    static boolean keep(String provider) {
        String p = provider.toLowerCase(Locale.ROOT);
        return p.equals("schannel") || p.contains("schannel") || p.startsWith("msexchange");
    }

    /** The provider name as facts carry it ({@code Schannel} in its canonical spelling). */
    static String canonical(String provider) {
        return provider.strip().equalsIgnoreCase(SCHANNEL) ? SCHANNEL : provider.strip();
    }

    /** The data that distinguishes events of one provider and id. */
    static Map<String, String> relevant(RawEvent e) {
        Map<String, String> out = new LinkedHashMap<>();
        String provider = canonical(e.provider());
        if (provider.equals(SCHANNEL)) {
            List<String> names = SCHANNEL_TEMPLATES.get(e.id());
            if (names == null) {
                return out;
            }
            for (int i = 0; i < names.size(); i++) {
                String v = byName(e.named(), names.get(i));
                if (v == null && e.named().isEmpty() && i < e.positional().size()) {
                    v = e.positional().get(i);
                }
                if (v != null && !v.isBlank()) {
                    out.put(names.get(i), normalize(v));
                }
            }
            if (out.isEmpty() && e.message() != null) {
                for (Pattern p : SCHANNEL_MESSAGE) {
                    Matcher m = p.matcher(e.message());
                    if (m.find()) {
                        String name = p.pattern().replaceAll(".*\\(\\?<(\\w+)>.*", "$1");
                        if (names.contains(name)) {
                            out.putIfAbsent(name, normalize(m.group(name)));
                        }
                    }
                }
            }
        } else if (e.id() == 12014) {
            String fqdn = null;
            if (e.message() != null) {
                Matcher m = CERT_FQDN.matcher(e.message());
                if (m.find()) {
                    fqdn = m.group(1);
                }
            }
            if (fqdn == null && !e.positional().isEmpty()) {
                fqdn = e.positional().get(0);
            }
            if (fqdn != null && !fqdn.isBlank()) {
                out.put("FQDN", fqdn.replace("`", "").replace("\\<", "<").strip());
            }
        }
        return out;
    }

    private static String byName(Map<String, String> named, String name) {
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Hex codes in one case so {@code 0x8009030D} and {@code 0x8009030d} aggregate together. */
    private static String normalize(String v) {
        String s = v.strip();
        return s.startsWith("0x") || s.startsWith("0X") ? "0x" + s.substring(2).toUpperCase(Locale.ROOT) : s;
    }
}
