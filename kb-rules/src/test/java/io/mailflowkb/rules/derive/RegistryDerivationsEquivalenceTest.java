package io.mailflowkb.rules.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RegistryDerivations#derive}, which looks for the .NET and WinHTTP values among the values under
 * {@code HKLM\SOFTWARE\} only, against the same derivations over every value of the export (the code before), over
 * seeded random exports: the real keys in other cases and spellings (the long root, a trailing backslash), keys
 * that only look alike (the long s and the Kelvin sign fold to ASCII letters), SChannel and cipher values, and
 * covering keys with and without their subtree.
 */
class RegistryDerivationsEquivalenceTest {

    private static final String[] KEYS = {
        RegistryDerivations.NETFX + "v4.0.30319", RegistryDerivations.NETFX_WOW + "v4.0.30319",
        RegistryDerivations.NETFX + "v2.0.50727", RegistryDerivations.NETFX_WOW + "v2.0.50727",
        RegistryDerivations.WINHTTP, RegistryDerivations.WINHTTP_WOW, RegistryDerivations.CIPHERS_GPO,
        RegistryDerivations.CIPHERS_LOCAL,
        "hklm\\software\\microsoft\\.netframework\\V4.0.30319", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319\\",
        "HKLM\\\u017fOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp".replace('k', '\u212a'),
        "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WINHTTP",
        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client",
        "HKLM\\SOFTWARE\\Microsoft\\.NETFramework", "HKLM\\SOFTWARE", "HKLM\\SOFTWAREX\\Microsoft\\.NETFramework\\v4.0.30319"};
    private static final String[] NAMES = {"SystemDefaultTlsVersions", "schusestrongcrypto", "SchUseStrongCrypto",
        "DefaultSecureProtocols", "Enabled", "Functions"};

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 15_485_863L * i + 5);
    }

    /** The derivations of {@link RegistryDerivations#derive}, each given every value (before the change). */
    static List<Object> plain(List<RegistryValue> vs, List<RegistryKey> ks) {
        List<Object> out = new ArrayList<>();
        for (String framework : List.of("v4.0.30319", "v2.0.50727")) {
            out.add(RegistryDerivations.dotNet(RegistryDerivations.NETFX + framework, framework, "native", vs, ks));
            out.add(RegistryDerivations.dotNet(RegistryDerivations.NETFX_WOW + framework, framework, "wow6432node", vs, ks));
        }
        out.add(RegistryDerivations.ciphers(vs));
        out.add(RegistryDerivations.winHttp(RegistryDerivations.WINHTTP, "native", vs, ks));
        out.add(RegistryDerivations.winHttp(RegistryDerivations.WINHTTP_WOW, "wow6432node", vs, ks));
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void derivingFromTheSoftwareValuesIsDerivingFromAll(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            List<RegistryValue> vs = new ArrayList<>();
            int n = r.nextInt(12);
            for (int k = 0; k < n; k++) {
                String key = KEYS[r.nextInt(KEYS.length)];
                String name = NAMES[r.nextInt(NAMES.length)];
                Provenance at = Provenance.of("r" + seed + ".reg", k + 1);
                vs.add(name.equals("Functions") ? new RegistryValue(key, name, "REG_SZ", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", at)
                        : RegistryValue.dword(key, name, r.nextInt(3), at));
            }
            List<RegistryKey> ks = new ArrayList<>();
            int m = r.nextInt(4);
            for (int k = 0; k < m; k++) {
                ks.add(new RegistryKey(KEYS[r.nextInt(KEYS.length)], r.nextInt(5) == 0, r.nextBoolean(),
                        Provenance.of("k.reg", k + 1)));
            }
            assertEquals(plain(vs, ks), RegistryDerivations.derive(vs, ks), () -> vs + " " + ks);
        }
    }
}
