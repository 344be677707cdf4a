package io.mailflowkb.model.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryPathsTest {

    static final String TLS12 = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2";

    @Test
    void everySpellingAdminsUseIsTheSameKey() {
        for (String p : new String[] {TLS12, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
                + "\\SCHANNEL\\Protocols\\TLS 1.2", "hklm:\\system\\currentcontrolset\\control\\securityproviders\\schannel"
                + "\\protocols\\tls 1.2\\", "  HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2 "}) {
            assertThat(RegistryPaths.equal(p, TLS12)).as(p).isTrue();
            assertThat(RegistryPaths.canonical(p)).as(p).startsWith("HKLM\\").doesNotEndWith("\\");
        }
        assertThat(RegistryPaths.equal(TLS12, TLS12 + "x")).isFalse();
    }

    /** Key names may contain '/': SCHANNEL's cipher keys are named "RC4 128/128", "Triple DES 168/168" (issue 11). */
    @Test
    void aForwardSlashIsPartOfTheKeyName() {
        String rc4 = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\RC4 128/128";
        assertThat(RegistryPaths.canonical(rc4)).isEqualTo(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\RC4 128/128");
        assertThat(RegistryPaths.equal(rc4, rc4.replace("128/128", "128\\128"))).isFalse();
        assertThat(RegistryPaths.isAncestor(rc4.replace("\\RC4 128/128", ""), rc4)).isTrue();
        assertThat(RegistryPaths.isAncestor(rc4.replace("/128", ""), rc4)).isFalse();
    }

    @Test
    void ancestorsEndAtABackslash() {
        assertThat(RegistryPaths.isAncestor(TLS12, TLS12 + "\\Client")).isTrue();
        assertThat(RegistryPaths.isAncestor("hkey_local_machine\\system", TLS12)).isTrue();
        assertThat(RegistryPaths.isAncestor("HKLM\\SYSTEM\\Current", TLS12)).isFalse();
        assertThat(RegistryPaths.isAncestor(TLS12, TLS12)).isFalse();
        assertThat(RegistryPaths.isAncestor("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1",
                TLS12)).isFalse();
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Whatever the spelling, canonical form is stable (canonical of canonical is itself) and comparisons agree. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void canonicalFormIsAFixedPoint(long seed) {
        Random r = new Random(seed);
        String[] roots = {"HKLM", "HKEY_LOCAL_MACHINE", "hklm", "HKLM:", "hkey_current_user", "HKCU"};
        StringBuilder p = new StringBuilder(roots[r.nextInt(roots.length)]);
        for (int i = 1 + r.nextInt(5); i > 0; i--) {
            p.append('\\').append(r.nextBoolean() ? "" : "x/").append(Long.toString(r.nextLong() & 0xffff, 36)).append(r.nextBoolean() ? " 1.2" : "");
        }
        if (r.nextBoolean()) {
            p.append('\\');
        }
        String c = RegistryPaths.canonical(p.toString());
        assertThat(RegistryPaths.canonical(c)).isEqualTo(c);
        assertThat(RegistryPaths.equal(p.toString(), c.toLowerCase(Locale.ROOT))).isTrue();
        assertThat(RegistryPaths.isAncestor(c, c + "\\child")).isTrue();
    }
}
