package io.mailflowkb.plugins.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.plugins.input.WalkedFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a careful reader of each real sample knows, checked against the collector (see corpus/SOURCES.md). */
class CorpusTest {

    private static final String P = RegistryPaths.SCHANNEL_PROTOCOLS + "\\";
    private static final String NETFX4 = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
    private static final String NETFX4_WOW = "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319";

    @TempDir
    Path dir;

    private RecordingSink run(String file) throws IOException {
        RecordingSink sink = CollectorHarness.collectResource(dir, "corpus/reg/" + file);
        assertThat(sink.read).containsExactly(file + "|registry");
        assertThat(sink.facts).allSatisfy(f -> assertThat(f.source().source()).isEqualTo(file));
        return sink;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PsSsl_schannel.reg", "file-cleanup-manager_enable_tls12.reg", "natthasath_Disable-TLS13.reg",
        "natthasath_Enable-TLS12.reg", "officedocs-support_TLS12-Enable-indented.reg",
        "sf-tsg_vmss-cse-tls_embedded-HKLM-colon.reg", "sfb-docs_TLSDisable.reg", "sfb-docs_TLSPreReq.reg",
        "sql-docs-aps_disable-snippet1.reg", "sql-docs-aps_netfx-snippet2.reg"})
    void everySampleIsRecognizedByContent(String file) {
        byte[] bytes = CollectorHarness.resource("corpus/reg/" + file);
        assertThat(new RegistryCollector().claim(WalkedFile.of("input", bytes)).claimed()).isTrue();
    }

    @Test
    void psSslRegeditExportUtf16() throws IOException {
        RecordingSink s = run("PsSsl_schannel.reg");
        assertThat(s.warnings).isEmpty();
        RegistryValue logging = s.value(RegistryPaths.SCHANNEL, "EventLogging");
        assertThat(logging.type()).isEqualTo("REG_DWORD");
        assertThat(logging.number()).isEqualTo(1L);
        assertThat(logging.source().line()).isEqualTo(4);
        RegistryValue ssl2 = s.value(P + "SSL 2.0\\Client", "DisabledByDefault");
        assertThat(ssl2.number()).isEqualTo(1L);
        assertThat(ssl2.source().line()).isEqualTo(19);
        assertThat(s.values()).hasSize(2);
        assertThat(s.keys()).hasSize(8).allSatisfy(k -> {
            assertThat(k.subtree()).isTrue();
            assertThat(k.deleted()).isFalse();
        });
        assertThat(s.key(RegistryPaths.SCHANNEL + "\\CipherSuites")).get().extracting(k -> k.source().line()).isEqualTo(8);
        assertThat(s.key(P + "SSL 2.0\\Client")).get().extracting(k -> k.source().line()).isEqualTo(18);
        // the export covers the whole SCHANNEL tree: TLS 1.2 absent means the OS default
        assertThat(s.key(RegistryPaths.SCHANNEL).orElseThrow().covers(P + "TLS 1.2\\Client")).isTrue();
        assertThat(s.host()).isEmpty();
    }

    @Test
    void keyAndValueOnOneLineSetsNoValues() throws IOException {
        RecordingSink s = run("natthasath_Enable-TLS12.reg");
        assertThat(s.values()).as("regedit ignores text after ']': TLS 1.2 is NOT enabled by this file").isEmpty();
        assertThat(s.keys()).extracting(RegistryKey::key)
                .containsExactly(RegistryPaths.canonical(P + "TLS 1.2\\Server"), RegistryPaths.canonical(P + "TLS 1.2\\Client"));
        assertThat(s.key(P + "TLS 1.2\\Server").orElseThrow().source().line()).isEqualTo(3);
        assertThat(s.key(P + "TLS 1.2\\Client").orElseThrow().source().line()).isEqualTo(5);
        assertThat(s.warnings).hasSize(4).allSatisfy(w -> {
            assertThat(w.source()).isEqualTo("natthasath_Enable-TLS12.reg");
            assertThat(w.message()).contains("ignored").contains("=dword:0000000");
        });
        assertThat(s.warnings).extracting(RecordingSink.Warning::line).containsExactly(3, 4, 5, 6);
    }

    @Test
    void keyDeletion() throws IOException {
        RecordingSink s = run("natthasath_Disable-TLS13.reg");
        assertThat(s.warnings).isEmpty();
        assertThat(s.values()).isEmpty();
        RegistryKey k = s.keys().get(0);
        assertThat(s.keys()).hasSize(1);
        assertThat(k.sameKey(P + "TLS 1.3")).isTrue();
        assertThat(k.deleted()).isTrue();
        assertThat(k.source().line()).isEqualTo(2);
        assertThat(k.covers(P + "TLS 1.3\\Server")).isTrue();
    }

    @Test
    void commentsAndEmptyParentKey() throws IOException {
        RecordingSink s = run("file-cleanup-manager_enable_tls12.reg");
        assertThat(s.warnings).isEmpty();
        assertThat(s.key(P + "TLS 1.2")).get().extracting(k -> k.source().line()).isEqualTo(5);
        assertThat(s.value(P + "TLS 1.2\\Client", "DisabledByDefault").number()).isZero();
        assertThat(s.value(P + "TLS 1.2\\Client", "Enabled").source().line()).isEqualTo(9);
        assertThat(s.value(P + "TLS 1.2\\Server", "Enabled").number()).isEqualTo(1L);
        assertThat(s.value(NETFX4, "SchUseStrongCrypto").source().line()).isEqualTo(17);
        assertThat(s.value(NETFX4_WOW, "SchUseStrongCrypto").source().line()).isEqualTo(20);
        assertThat(s.values()).hasSize(6);
        assertThat(s.keys()).hasSize(5);
    }

    @Test
    void blankLineBetweenEveryLineAndUpperCaseHex() throws IOException {
        RecordingSink s = run("sfb-docs_TLSPreReq.reg");
        assertThat(s.warnings).isEmpty();
        RegistryValue winhttp = s.value("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp",
                "DefaultSecureProtocols");
        assertThat(winhttp.number()).isEqualTo(0xAA0L);
        assertThat(winhttp.data()).isEqualTo("2720");
        assertThat(s.value("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727", "SchUseStrongCrypto").number()).isEqualTo(1L);
        assertThat(s.value(P + "TLS 1.2\\Server", "Enabled").number()).isEqualTo(1L);
        assertThat(s.values()).hasSize(10);
    }

    @Test
    void hardeningFileWithLongFunctionsLineAndFfffffff() throws IOException {
        RecordingSink s = run("sfb-docs_TLSDisable.reg");
        assertThat(s.warnings).isEmpty();
        RegistryValue functions = s.value("HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002",
                "Functions");
        assertThat(functions.type()).isEqualTo("REG_SZ");
        assertThat(functions.source().line()).isEqualTo(5);
        assertThat(functions.data()).startsWith("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384,")
                .doesNotContain("\"").hasSizeGreaterThan(400);
        RegistryValue aes = s.value(RegistryPaths.SCHANNEL + "\\Ciphers\\AES 128/128", "Enabled");
        assertThat(aes.data()).isEqualTo("4294967295");
        assertThat(aes.source().line()).isEqualTo(17);
        assertThat(s.value(P + "TLS 1.0\\Server", "DisabledByDefault").source().line()).isEqualTo(171);
        assertThat(s.value(P + "TLS 1.1\\Client", "Enabled").number()).isZero();
        assertThat(s.value(RegistryPaths.SCHANNEL, "AllowInsecureRenegoClients").number()).isZero();
        assertThat(s.keys()).hasSize(45);
    }

    @Test
    void snippetWithoutHeaderAndMissingBracket() throws IOException {
        RecordingSink s = run("sql-docs-aps_disable-snippet1.reg");
        assertThat(s.warnings).extracting(RecordingSink.Warning::line).containsOnly(1);
        assertThat(s.warnings).anySatisfy(w -> assertThat(w.message()).contains("header"))
                .anySatisfy(w -> assertThat(w.message()).contains("opening '['"));
        assertThat(s.key(P + "TLS 1.0")).get().extracting(k -> k.source().line()).isEqualTo(1);
        assertThat(s.value(P + "TLS 1.0\\Client", "Enabled").source().line()).isEqualTo(3);
        assertThat(s.value(P + "TLS 1.0\\Client", "DisabledByDefault").number()).isEqualTo(1L);
        assertThat(s.value(P + "TLS 1.1\\Server", "Enabled").number()).isZero();
        assertThat(s.values()).hasSize(8);
        assertThat(s.keys()).hasSize(6);
    }

    @Test
    void netfxSnippetWithTrailingSpace() throws IOException {
        RecordingSink s = run("sql-docs-aps_netfx-snippet2.reg");
        assertThat(s.warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.message()).contains("header");
        });
        RegistryValue last = s.value(NETFX4_WOW, "SchUseStrongCrypto");
        assertThat(last.number()).isEqualTo(1L);
        assertThat(last.source().line()).isEqualTo(7);
        assertThat(s.value(NETFX4, "SystemDefaultTlsVersions").number()).isEqualTo(1L);
        assertThat(s.values()).hasSize(4);
    }

    @Test
    void indentedExchangeDocsFile() throws IOException {
        RecordingSink s = run("officedocs-support_TLS12-Enable-indented.reg");
        assertThat(s.warnings).isEmpty();
        assertThat(s.key(P + "TLS 1.2")).get().extracting(k -> k.source().line()).isEqualTo(2);
        assertThat(s.value(P + "TLS 1.2\\Client", "DisabledByDefault").source().line()).isEqualTo(4);
        assertThat(s.value(P + "TLS 1.2\\Server", "Enabled").source().line()).isEqualTo(8);
        assertThat(s.values()).hasSize(4);
    }

    @Test
    void powerShellDriveNames() throws IOException {
        RecordingSink s = run("sf-tsg_vmss-cse-tls_embedded-HKLM-colon.reg");
        assertThat(s.keys()).allSatisfy(k -> assertThat(k.key()).startsWith("HKLM\\SYSTEM\\"));
        assertThat(s.warnings).hasSize(s.keys().size())
                .allSatisfy(w -> assertThat(w.message()).contains("PowerShell drive").contains("HKLM:"));
        assertThat(s.value(RegistryPaths.SCHANNEL, "EventLogging").source().line()).isEqualTo(4);
        assertThat(s.value(RegistryPaths.SCHANNEL + "\\Ciphers\\Triple DES 168", "Enabled").number()).isZero();
        assertThat(s.value(P + "TLS 1.1\\Server", "Enabled").source().line()).isEqualTo(69);
        assertThat(s.value(P + "SSL 3.0\\Client", "DisabledByDefault").number()).isEqualTo(1L);
        assertThat(s.value(P + "TLS 1.2\\Server", "DisabledByDefault").number()).isZero();
        // the cut ends before TLS 1.2\Server "Enabled": it must not be invented
        assertThat(s.values()).noneMatch(v -> v.sameKey(P + "TLS 1.2\\Server") && v.name().equals("Enabled"));
    }
}
