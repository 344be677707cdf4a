package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest.txt the collection scripts write names the computer and when the evidence was collected, and every
 * report format shows both in its header. The files are written here byte for byte as the scripts write them:
 * Collect-MailflowEvidence.ps1 with Windows PowerShell 5.1's {@code Out-File -Encoding utf8} (UTF-8 with BOM, CRLF),
 * the header line exactly as the golden script builds it (checked below). collect-evidence.cmd's line is run in
 * Wine by {@link CollectEvidenceWineTest}.
 */
class CollectedTimeHeaderTest {

    static final Path GOLDEN_PS1 = Path.of("src/test/resources/golden/Collect-MailflowEvidence.ps1");

    @TempDir
    Path tmp;

    @Test
    void theGoldenPowerShellScriptWritesNameAndUtcTimeFirst() throws Exception {
        assertThat(Files.readString(GOLDEN_PS1)).contains("$lines.Add('# Mailflow KB evidence of ' + $env:COMPUTERNAME"
                + " + ', Collect-MailflowEvidence.ps1, ' + (Get-Date).ToUniversalTime().ToString('o'))");
    }

    @Test
    void powerShellManifestGivesServerAndCollectionTimeInEveryFormat() throws Exception {
        Path dir = psEvidence("2026-11-20T09:15:42.1234567Z");
        assertThat(diagnose(dir, "text")).contains("  Server:        EX01\n",
                "  Collected:     2026-11-20T09:15:42.123Z\n");
        assertThat(diagnose(dir, "markdown")).contains("- **Server:** EX01\n",
                "- **Collected:** 2026-11-20T09:15:42.123Z\n");
        assertThat(diagnose(dir, "html")).contains("<dt>Server</dt><dd>EX01</dd>",
                "<dt>Collected</dt><dd>2026-11-20T09:15:42.123Z</dd>");
        var host = Mappers.json().readTree(diagnose(dir, "json")).get("host");
        assertThat(host.get("name").asText()).isEqualTo("EX01");
        assertThat(host.get("collected").asText()).isEqualTo("2026-11-20T09:15:42.123Z");
    }

    @Test
    void aLocalTimeWithOffsetFromAnEarlierScriptIsShownInUtc() throws Exception {
        // the scripts before this one wrote Get-Date -Format 'o': local time with its offset
        Path dir = psEvidence("2026-11-20T10:15:42.1234567+01:00");
        assertThat(diagnose(dir, "text")).contains("  Collected:     2026-11-20T09:15:42.123Z\n");
    }

    @Test
    void timeTextThatIsNoIsoTimeIsShownAsGiven() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cmd"));
        Files.writeString(dir.resolve("manifest.txt"), "# Mailflow KB evidence of EX01, collect-evidence.cmd, "
                + "local time Fri 11/20/2026 10:15:42.12 \r\nschannel: collected: schannel.reg\r\n",
                StandardCharsets.ISO_8859_1);
        assertThat(diagnose(dir, "text")).contains("  Collected:     local time Fri 11/20/2026 10:15:42.12\n");
    }

    @Test
    void aFileThatOnlyLooksLikeAManifestByNameIsNotOne() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(dir.resolve("manifest.txt"), "Manifest-Version: 1.0\r\n");
        assertThat(diagnose(dir, "text")).contains("  Collected:     unknown\n");
    }

    @Test
    void getExchangeServerExportNamesTheFqdnInEveryFormat() throws Exception {
        // the real Export-Clixml of Get-ExchangeServer in kb-plugins' HealthChecker fixtures (SOURCES.md there)
        Path dir = Files.createDirectories(tmp.resolve("fqdn"));
        Files.copy(Path.of("../kb-plugins/src/test/resources/healthchecker/E19_GetExchangeServer.xml"),
                dir.resolve("E19_GetExchangeServer.xml"));
        assertThat(diagnose(dir, "text")).contains("  Server:        SOLO-E19A (Solo-E19A.Solo.com)\n");
        assertThat(diagnose(dir, "markdown")).contains("- **Server:** SOLO-E19A (Solo-E19A.Solo.com)\n");
        assertThat(diagnose(dir, "html")).contains("<dt>Server</dt><dd>SOLO-E19A (Solo-E19A.Solo.com)</dd>");
        assertThat(Mappers.json().readTree(diagnose(dir, "json")).get("host").get("fqdn").asText())
                .isEqualTo("Solo-E19A.Solo.com");
    }

    private Path psEvidence(String time) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ps"));
        String text = "\uFEFF# Mailflow KB evidence of EX01, Collect-MailflowEvidence.ps1, " + time + "\r\n"
                + "schannel: collected: schannel.reg\r\n"
                + "queues: not present on this server: Get-Queue is not available: run this in the Exchange "
                + "Management Shell\r\n";
        Files.writeString(dir.resolve("manifest.txt"), text, StandardCharsets.UTF_8);
        return dir;
    }

    static String diagnose(Path dir, String format) {
        Kb kb = Kb.run("diagnose", dir.toString(), "--format", format);
        assertThat(kb.exit()).as(kb.err()).isIn(0, 1);
        return kb.out();
    }
}
