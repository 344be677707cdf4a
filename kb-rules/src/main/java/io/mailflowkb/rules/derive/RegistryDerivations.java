package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derivations over all registry values at once: .NET TLS values, the effective cipher suite list, WinHTTP. They
 * need the whole export (the GPO list must be looked at before the local one, "absent" needs the covering keys),
 * which the knowledge vocabulary cannot express: it has no joins across facts. Called from derive-settings.drl.
 */
public final class RegistryDerivations {

    public static final String NETFX = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\";
    public static final String NETFX_WOW = "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\";
    public static final String CIPHERS_GPO = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002";
    public static final String CIPHERS_LOCAL =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002";
    public static final String WINHTTP = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";
    public static final String WINHTTP_WOW =
            "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";

    private RegistryDerivations() {
    }

    /** Every derived setting fact: four {@link DotNetTls}, one {@link CipherSuiteConfig}, two {@link WinHttpSetting}. */
    public static List<Object> derive(List<?> values, List<?> keys) {
        List<RegistryValue> vs = new ArrayList<>();
        values.forEach(o -> vs.add((RegistryValue) o));
        List<RegistryKey> ks = new ArrayList<>();
        keys.forEach(o -> ks.add((RegistryKey) o));
        List<RegistryValue> software = underSoftware(vs);
        List<Object> out = new ArrayList<>();
        for (String framework : List.of("v4.0.30319", "v2.0.50727")) {
            out.add(dotNet(NETFX + framework, framework, "native", software, ks));
            out.add(dotNet(NETFX_WOW + framework, framework, "wow6432node", software, ks));
        }
        out.add(ciphers(vs));
        out.add(winHttp(WINHTTP, "native", software, ks));
        out.add(winHttp(WINHTTP_WOW, "wow6432node", software, ks));
        return out;
    }

    private static final String SOFTWARE = "HKLM\\SOFTWARE\\";

    /**
     * The values whose key starts with {@code HKLM\SOFTWARE\} (ignoring case as {@link RegistryValue#sameKey} does),
     * in their order: the only ones that can be under the .NET and WinHTTP keys, all of which start so. Those six
     * keys were each compared with every value of the export, mostly SChannel values, two to four times over.
     */
    static List<RegistryValue> underSoftware(List<RegistryValue> vs) {
        List<RegistryValue> out = new ArrayList<>();
        for (RegistryValue v : vs) {
            if (v.key().regionMatches(true, 0, SOFTWARE, 0, SOFTWARE.length())) {
                out.add(v);
            }
        }
        return out;
    }

    static DotNetTls dotNet(String key, String framework, String view, List<RegistryValue> vs, List<RegistryKey> ks) {
        RegistryValue sdtv = find(vs, key, "SystemDefaultTlsVersions");
        RegistryValue strong = find(vs, key, "SchUseStrongCrypto");
        List<RegistryValue> used = present(sdtv, strong);
        boolean covered = !used.isEmpty() || covered(ks, vs, key);
        Long a = number(sdtv);
        Long b = number(strong);
        boolean ok = a != null && a == 1 && b != null && b == 1;
        return new DotNetTls(key, framework, view, a, b, covered, ok, used, source(used, ks, key));
    }

    static CipherSuiteConfig ciphers(List<RegistryValue> vs) {
        RegistryValue gpo = find(vs, CIPHERS_GPO, "Functions");
        RegistryValue local = find(vs, CIPHERS_LOCAL, "Functions");
        RegistryValue chosen = gpo != null && !gpo.data().isBlank() ? gpo : local != null && !local.data().isBlank() ? local : null;
        if (chosen == null) {
            return new CipherSuiteConfig("windows-default", false, 0, 0, "", List.of(),
                    Provenance.of("(no cipher suite list)"));
        }
        Set<String> suites = new LinkedHashSet<>();
        // GPO lists are comma-separated REG_SZ, local lists REG_MULTI_SZ (lines joined with \n).
        for (String s : chosen.data().split("[,\\n\\r]")) {
            if (!s.isBlank()) {
                suites.add(s.strip().toUpperCase(Locale.ROOT));
            }
        }
        List<String> shared = new ArrayList<>();
        for (String exo : CipherSuiteConfig.EXO_SUITES) {
            // Windows Server 2012 / 2012 R2 lists name ECDHE suites with a curve suffix (_P256, _P384).
            if (suites.stream().anyMatch(s -> s.equals(exo) || s.replaceAll("_P(256|384|521)$", "").equals(exo))) {
                shared.add(exo);
            }
        }
        return new CipherSuiteConfig(chosen == gpo ? "group-policy" : "local", true, suites.size(), shared.size(),
                String.join(",", shared), List.of(chosen), chosen.source());
    }

    static WinHttpSetting winHttp(String key, String view, List<RegistryValue> vs, List<RegistryKey> ks) {
        RegistryValue v = find(vs, key, "DefaultSecureProtocols");
        Long n = number(v);
        List<RegistryValue> used = present(v);
        boolean covered = v != null || covered(ks, vs, key);
        return new WinHttpSetting(key, view, n, covered, n != null && (n & WinHttpSetting.TLS12_BIT) != 0, used,
                source(used, ks, key));
    }

    private static RegistryValue find(List<RegistryValue> vs, String key, String name) {
        for (RegistryValue v : vs) {
            if (v.name().equalsIgnoreCase(name) && v.sameKey(key)) {
                return v;
            }
        }
        return null;
    }

    /** The export lists this key (or its whole subtree), or some value under it. */
    private static boolean covered(List<RegistryKey> ks, List<RegistryValue> vs, String key) {
        return ks.stream().anyMatch(k -> k.covers(key)) || vs.stream().anyMatch(v -> v.sameKey(key));
    }

    private static Long number(RegistryValue v) {
        return v == null ? null : v.number();
    }

    private static List<RegistryValue> present(RegistryValue... vs) {
        List<RegistryValue> out = new ArrayList<>();
        for (RegistryValue v : vs) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static Provenance source(List<RegistryValue> used, List<RegistryKey> ks, String key) {
        if (!used.isEmpty()) {
            return used.get(0).source();
        }
        return ks.stream().filter(k -> k.covers(key)).map(RegistryKey::source).findFirst()
                .orElse(Provenance.of("(not in the inputs)"));
    }
}
