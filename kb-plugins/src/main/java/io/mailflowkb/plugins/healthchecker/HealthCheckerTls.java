package io.mailflowkb.plugins.healthchecker;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * HealthChecker's TLS registry readout ({@code Get-AllTlsSettingsFromRegistry}: one object per TLS version with
 * {@code ServerEnabledValue}, {@code ServerDisabledByDefaultValue}, {@code ClientEnabledValue}, ... and one per
 * .NET Framework version with {@code SystemDefaultTlsVersionsValue}, {@code SchUseStrongCryptoValue} and their Wow
 * twins; docs/healthchecker.md, [C1]) as the registry facts a {@code .reg} export
 * would give. The raw {@code *Value} members are used, not HealthChecker's booleans: {@code Nil} means the value
 * is absent from a key HealthChecker read, so the key counts as covered and the Windows default applies.
 */
public final class HealthCheckerTls {

    static final String PROTOCOLS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\";

    private HealthCheckerTls() {
    }

    /** Whether this object is one TLS version's entry of HealthChecker's registry readout. */
    public static boolean isTlsVersion(PsValue.Obj o) {
        return o.member("TLSVersion") != null && (o.member("ServerEnabledValue") != null || o.member("ClientEnabledValue") != null);
    }

    /** Whether this object is one .NET Framework version's entry. */
    public static boolean isDotNet(PsValue.Obj o) {
        return o.member("NetVersion") != null && o.member("SystemDefaultTlsVersionsValue") != null;
    }

    /** The registry key and values one entry stands for. */
    public static List<Fact> facts(PsValue.Obj o, String source, Consumer<String> warnings) {
        List<Fact> out = new ArrayList<>();
        if (isTlsVersion(o)) {
            String version = PsText.text(o.member("TLSVersion"));
            for (String role : List.of("Server", "Client")) {
                String key = PROTOCOLS + "TLS " + version + "\\" + role;
                String shown = PsText.text(o.member(role + "RegistryPath"));
                if (shown != null && !RegistryPaths.equal("HKLM\\" + shown, key)) {
                    warnings.accept(o.path() + "." + role + "RegistryPath says '" + shown + "' for TLS " + version
                            + "; the values are taken as TLS " + version + "\\" + role + " (TLSVersion)");
                }
                key(out, key, o, source);
                value(out, key, "Enabled", o.member(role + "EnabledValue"), source);
                value(out, key, "DisabledByDefault", o.member(role + "DisabledByDefaultValue"), source);
            }
        } else if (isDotNet(o)) {
            String version = PsText.text(o.member("NetVersion"));
            String nativeKey = location(o, "MicrosoftRegistryLocation", "SOFTWARE\\Microsoft\\.NETFramework\\" + version);
            String wowKey = location(o, "WowRegistryLocation", "SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\" + version);
            key(out, nativeKey, o, source);
            value(out, nativeKey, "SystemDefaultTlsVersions", o.member("SystemDefaultTlsVersionsValue"), source);
            value(out, nativeKey, "SchUseStrongCrypto", o.member("SchUseStrongCryptoValue"), source);
            if (o.member("WowSystemDefaultTlsVersionsValue") != null || o.member("WowSchUseStrongCryptoValue") != null) {
                key(out, wowKey, o, source);
                value(out, wowKey, "SystemDefaultTlsVersions", o.member("WowSystemDefaultTlsVersionsValue"), source);
                value(out, wowKey, "SchUseStrongCrypto", o.member("WowSchUseStrongCryptoValue"), source);
            }
        }
        return out;
    }

    private static String location(PsValue.Obj o, String member, String fallback) {
        String shown = PsText.text(o.member(member));
        return "HKLM\\" + (shown == null ? fallback : shown);
    }

    private static void key(List<Fact> out, String key, PsValue.Obj o, String source) {
        out.add(new RegistryKey(key, false, false, new Provenance(source, o.line(), o.path())));
    }

    private static void value(List<Fact> out, String key, String name, PsValue v, String source) {
        Long n = PsText.number(v);
        if (n == null) {
            return; // Nil: HealthChecker found no such value
        }
        out.add(RegistryValue.dword(key, name, n & 0xffffffffL, new Provenance(source, v.line(), v.path())));
    }
}
