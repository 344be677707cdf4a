package io.mailflowkb.plugins.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-format fixtures written for these tests (regedit export, REGEDIT4 ANSI, reg query with and without /s). */
class FixturesTest {

    private static final String P = RegistryPaths.SCHANNEL_PROTOCOLS + "\\";
    private static final String TYPES = "HKLM\\SOFTWARE\\Mailflow Test\\Types";

    @TempDir
    Path dir;

    @Test
    void regeditUtf16WithEveryType() throws IOException {
        RecordingSink s = CollectorHarness.collectResource(dir, "fixtures/regedit-utf16-all-types.reg");
        String ssl = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002";
        RegistryValue functions = s.value(ssl, "Functions");
        assertThat(functions.type()).isEqualTo("REG_MULTI_SZ");
        assertThat(functions.data()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\nTLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n"
                + "TLS_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(functions.source().line()).isEqualTo(4);
        RegistryValue curves = s.value(ssl, "EccCurves");
        assertThat(curves.data()).isEqualTo("NistP384\nNistP256");
        assertThat(curves.source().line()).isEqualTo(13);

        RegistryValue def = s.value(TYPES, "");
        assertThat(def.type()).isEqualTo("REG_SZ");
        assertThat(def.data()).isEqualTo("default \"quoted\" C:\\Program Files\\x");
        assertThat(s.value(TYPES, "Path")).satisfies(v -> {
            assertThat(v.type()).isEqualTo("REG_EXPAND_SZ");
            assertThat(v.data()).isEqualTo("%SystemRoot%\\system32\\schannel.dll");
            assertThat(v.source().line()).isEqualTo(20);
        });
        assertThat(s.value(TYPES, "Big")).satisfies(v -> {
            assertThat(v.type()).isEqualTo("REG_QWORD");
            assertThat(v.data()).isEqualTo("18446744073709551615");
        });
        assertThat(s.value(TYPES, "Small QWORD").data()).isEqualTo("1");
        assertThat(s.value(TYPES, "Bin")).extracting(RegistryValue::type, RegistryValue::data)
                .containsExactly("REG_BINARY", "deadbeef");
        assertThat(s.value(TYPES, "Nothing")).extracting(RegistryValue::type, RegistryValue::data)
                .containsExactly("REG_NONE", "");
        assertThat(s.value(TYPES, "Dw")).extracting(RegistryValue::type, RegistryValue::data)
                .containsExactly("REG_DWORD", "513");
        assertThat(s.value(TYPES, "Enabled").data()).isEqualTo("4294967295");
        assertThat(s.value(TYPES, "Trailing").data()).isEqualTo("2");
        assertThat(s.value(TYPES, "Esc \"name\" \\ back").data()).isEqualTo("line1\nline2");
        assertThat(s.value(TYPES, "Weird")).extracting(RegistryValue::type, RegistryValue::data)
                .containsExactly("REG_UNKNOWN(21)", "0102");
        assertThat(s.value(TYPES, "Umlaut Käse").data()).isEqualTo("Grüße €");
        assertThat(s.values()).noneMatch(v -> v.name().equals("Gone") || v.name().equals("TooLong"));

        assertThat(s.warnings).singleElement().satisfies(w -> {
            assertThat(w.source()).isEqualTo("regedit-utf16-all-types.reg");
            assertThat(w.line()).isEqualTo(27);
            assertThat(w.message()).doesNotContain("regedit-utf16-all-types.reg:27").contains("\"TooLong\"=dword:000000001");
        });
        RegistryKey old = s.key("HKLM\\SOFTWARE\\Mailflow Test\\Old").orElseThrow();
        assertThat(old.deleted()).isTrue();
        assertThat(old.source().line()).isEqualTo(37);
        assertThat(s.key(TYPES).orElseThrow().subtree()).isTrue();
    }

    @Test
    void regedit4Ansi() throws IOException {
        RecordingSink s = CollectorHarness.collectResource(dir, "fixtures/regedit4-ansi.reg");
        assertThat(s.warnings).isEmpty();
        assertThat(s.value("HKLM\\SOFTWARE\\Mailflow Test\\Ansi", "Name").data()).isEqualTo("Café ü");
        assertThat(s.value("HKLM\\SOFTWARE\\Mailflow Test\\Ansi", "Enabled").source().line()).isEqualTo(5);
    }

    @Test
    void regQueryWithS() throws IOException {
        RecordingSink s = CollectorHarness.collectResource(dir, "fixtures/regquery-schannel-protocols-s.txt");
        assertThat(s.warnings).isEmpty();
        assertThat(s.keys()).hasSize(12).allSatisfy(k -> assertThat(k.subtree()).isTrue());
        assertThat(s.key(RegistryPaths.SCHANNEL_PROTOCOLS).orElseThrow().source().line()).isEqualTo(2);
        assertThat(s.value(P + "SSL 2.0\\Client", "DisabledByDefault")).satisfies(v -> {
            assertThat(v.number()).isEqualTo(1L);
            assertThat(v.source()).isEqualTo(Provenance.of("regquery-schannel-protocols-s.txt", 7));
        });
        assertThat(s.value(P + "TLS 1.2\\Server", "Enabled").data()).isEqualTo("4294967295");
        assertThat(s.value(P + "TLS 1.1\\Server", "Enabled").number()).isZero();
        assertThat(s.values()).hasSize(13);
        assertThat(s.key(RegistryPaths.SCHANNEL_PROTOCOLS).orElseThrow().covers(P + "TLS 1.3\\Client")).isTrue();
    }

    @Test
    void regQueryWithoutS() throws IOException {
        RecordingSink s = CollectorHarness.collectResource(dir, "fixtures/regquery-netfx.txt");
        String netfx = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
        assertThat(s.warnings).isEmpty();
        assertThat(s.keys()).hasSize(3).allSatisfy(k -> assertThat(k.subtree()).isFalse());
        assertThat(s.key(netfx + "\\SKUs").orElseThrow().source().line()).isEqualTo(12);
        assertThat(s.value(netfx, "SchUseStrongCrypto").source().line()).isEqualTo(4);
        assertThat(s.value(netfx, "Install Blob")).extracting(RegistryValue::type, RegistryValue::data)
                .containsExactly("REG_BINARY", "deadbeef00");
        assertThat(s.value(netfx, "Cipher List").data()).isEqualTo("TLS_A\nTLS_B");
        assertThat(s.value(netfx, "Max Size").data()).isEqualTo("4294967296");
        assertThat(s.value(netfx, "Empty Text").data()).isEmpty();
        assertThat(s.values()).as("(Default) (value not set) is no value").noneMatch(v -> v.name().isEmpty());
        assertThat(s.values()).hasSize(6);
    }

    @Test
    void regQueryKeyNotFound() throws IOException {
        RecordingSink s = CollectorHarness.collect(dir, "notfound.txt",
                (RegistryFormat.NOT_FOUND + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(s.facts).isEmpty();
        assertThat(s.warnings).singleElement().satisfies(w -> assertThat(w.message()).contains("unable to find"));
    }

    @Test
    void hostProfileFromExport() throws IOException {
        RecordingSink s = CollectorHarness.collectResource(dir, "fixtures/host-profile-exchange2016.reg");
        assertThat(s.warnings).isEmpty();
        HostProfile h = s.host().orElseThrow();
        assertThat(h.exchangeBuild()).isEqualTo("15.1.2507.6");
        assertThat(h.exchangeVersion()).isEqualTo("2016");
        assertThat(h.windowsProduct()).isEqualTo("Windows Server 2016 Datacenter");
        assertThat(h.windowsBuild()).isEqualTo(14393);
        assertThat(h.dotNetRelease()).isEqualTo(528049);
        assertThat(h.hostName()).isEqualTo("EX2016-01");
        assertThat(h.source().location()).isEqualTo("host-profile-exchange2016.reg:4");
        assertThat(s.facts.get(s.facts.size() - 1)).isSameAs(h);
        assertThat(s.value(HostProfileBuilder.NDP_V4_FULL, "Version").data()).isEqualTo("4.8.03761");
        assertThat(s.values()).hasSize(11);
    }

    @Test
    void exchangeVersionNames() throws IOException {
        assertThat(host(14, 3, 123, 1).exchangeVersion()).isEqualTo("2010");
        assertThat(host(15, 0, 1497, 2).exchangeVersion()).isEqualTo("2013");
        assertThat(host(15, 2, 1748, 10).exchangeVersion()).isEqualTo("2019");
        assertThat(host(15, 2, 2562, 17)).extracting(HostProfile::exchangeVersion, HostProfile::exchangeBuild)
                .containsExactly("SE", "15.2.2562.17");
    }

    private HostProfile host(int major, int minor, int build, int rev) throws IOException {
        String v = major == 14 ? "v14" : "v15";
        String text = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\" + v + "\\Setup\r\n"
                + "    MsiBuildMajor    REG_DWORD    0x" + Integer.toHexString(build) + "\r\n"
                + "    MsiBuildMinor    REG_DWORD    0x" + Integer.toHexString(rev) + "\r\n"
                + "    MsiProductMajor    REG_DWORD    0x" + Integer.toHexString(major) + "\r\n"
                + "    MsiProductMinor    REG_DWORD    0x" + Integer.toHexString(minor) + "\r\n";
        RecordingSink s = CollectorHarness.collect(dir, "exchange-" + v + "-" + build + ".txt",
                text.getBytes(StandardCharsets.US_ASCII));
        HostProfile h = s.host().orElseThrow();
        assertThat(h.source().line()).isEqualTo(3);
        return h;
    }
}
