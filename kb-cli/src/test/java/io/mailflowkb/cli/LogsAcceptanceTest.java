package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4's acceptance through the command line: real log formats in, findings citing file:line out. */
class LogsAcceptanceTest {

    static final Path RAW = Path.of(System.getProperty("kb.knowledge.dir"), "tls-deprecation/examples/raw");

    @TempDir
    Path tmp;

    static JsonNode finding(JsonNode diagnosis, String id) {
        for (JsonNode f : diagnosis.get("findings")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + diagnosis);
    }

    static List<String> sources(JsonNode finding) {
        List<String> out = new ArrayList<>();
        finding.get("evidence").forEach(e -> out.add(e.get("source").asText()));
        return out;
    }

    @Test
    void sendLogAndQueueTextAreBothCitedWithLines() throws Exception {
        Path logs = tmp.resolve("from-ex01");
        Files.createDirectories(logs);
        Files.copy(RAW.resolve("logs-socketerror/SEND20240301-1.LOG"), logs.resolve("SEND20240301-1.LOG"));
        Files.copy(RAW.resolve("logs-socketerror/get-queue.txt"), logs.resolve("get-queue.txt"));
        Kb kb = Kb.run("diagnose", "--logs", logs.toString(), "--format", "json");
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        JsonNode d = Mappers.json().readTree(kb.out());
        List<String> cited = sources(finding(d, "tls12-client-disabled"));
        assertThat(cited).anyMatch(s -> s.matches(".*SEND20240301-1\\.LOG:\\d+"))
                .anyMatch(s -> s.matches(".*get-queue\\.txt:\\d+"));
        // the same send log also shows the plain retry refused with 451 5.7.3, which names its root cause
        JsonNode fallback = finding(d, "starttls-fallback-rejected");
        assertThat(sources(fallback)).anyMatch(s -> s.matches(".*SEND20240301-1\\.LOG:\\d+"));
        assertThat(fallback.get("evidence").toString()).contains("root cause: tls12-client-disabled");
        assertThat(d.get("missingEvidence").toString()).contains("reg export");
    }

    @Test
    void applicationLogWithLegacySmtpAuthRejectionGivesTheSmtpAuthFinding() throws Exception {
        Kb kb = Kb.run("diagnose", "--logs", RAW.resolve("../../findings/smtp-auth-legacy-tls/examples/app-log/scanner-smtp.log").toString(), "--format", "json");
        assertThat(kb.exit()).isEqualTo(ExitCode.FINDINGS);
        JsonNode f = finding(Mappers.json().readTree(kb.out()), "smtp-auth-legacy-tls");
        assertThat(sources(f)).anyMatch(s -> s.endsWith("scanner-smtp.log:2"));
        String remediation = f.get("remediation").toString();
        assertThat(remediation).contains("Set-TransportConfig -AllowLegacyTLSClients $true", "smtp-legacy.office365.com",
                "Get-TransportConfig | Format-List AllowLegacyTLSClients");
    }

    @Test
    void aFolderWithJunkListsItAsSkippedButANamedJunkFileIsAnError() throws Exception {
        Path logs = tmp.resolve("mixed");
        Files.createDirectories(logs);
        Files.copy(RAW.resolve("logs-socketerror/SEND20240301-1.LOG"), logs.resolve("SEND.LOG"));
        byte[] junk = new byte[5000];
        new java.util.Random(3).nextBytes(junk);
        Files.write(logs.resolve("core.dmp"), junk);
        Kb folder = Kb.run("diagnose", "--logs", logs.toString(), "--format", "json");
        assertThat(folder.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(Mappers.json().readTree(folder.out()).get("inputs").toString()).contains("core.dmp", "skipped");
        Kb.run("diagnose", "--logs", logs.resolve("core.dmp").toString()).assertOneLineErrorNaming("core.dmp");
    }
}
