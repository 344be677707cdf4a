package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.List;

/**
 * The two .NET Framework TLS values in one of the four locations Exchange needs them (the references of finding
 * dotnet-strong-crypto-missing in knowledge/): {@code SystemDefaultTlsVersions} lets the OS choose TLS 1.2,
 * {@code SchUseStrongCrypto} enables strong protocols and ciphers. HealthChecker counts a value as set only when it
 * equals 1, and a missing value as not set; Microsoft's target is 1 for both in all four locations.
 *
 * @param framework {@code v4.0.30319} or {@code v2.0.50727}
 * @param view      {@code native} or {@code wow6432node}
 * @param covered   the inputs include this key (or a key whose whole subtree they list), so absence is known
 * @param ok        both values equal 1
 */
public record DotNetTls(String key, String framework, String view, Long systemDefaultTlsVersions,
                        Long schUseStrongCrypto, boolean covered, boolean ok, List<RegistryValue> values,
                        Provenance source) implements Derived {

    public DotNetTls {
        values = List.copyOf(values);
    }

    @Override
    public String describe() {
        if (!covered) {
            return key + " is not in the inputs";
        }
        return key + ": SystemDefaultTlsVersions = " + shown(systemDefaultTlsVersions) + ", SchUseStrongCrypto = "
                + shown(schUseStrongCrypto) + (ok ? "" : " (both must be 1)");
    }

    private static String shown(Long v) {
        return v == null ? "absent" : Long.toUnsignedString(v);
    }
}
