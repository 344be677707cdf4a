package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixScriptAndExplainTest {

    @TempDir
    Path tmp;

    @Test
    void ps1FixChangesOnlyDifferingValuesAndComesWithARollback() throws Exception {
        Path script = tmp.resolve("fix-ex01.ps1");
        Kb kb = Kb.run("diagnose", "--example", "tls12-client-disabled-export", "--fix-script", "ps1",
                "-o", script.toString());
        assertThat(kb.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(kb.out()).contains("tls12-client-disabled"); // the report still goes to stdout
        assertThat(kb.err()).contains("wrote fix-ex01.ps1, fix-ex01-rollback.ps1");
        String fix = Files.readString(script);
        assertThat(fix).contains("$computer -ne 'EX01'", "reg.exe export",
                "Set-KbDword 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client' 'Enabled' 1");
        // the export already shows TLS 1.2\Server at the target: the script must not touch it
        assertThat(fix).doesNotContain("Protocols\\TLS 1.2\\Server' 'Enabled'");
        assertThat(tmp.resolve("fix-ex01-rollback.ps1")).exists();
    }

    @Test
    void regFixIsUtf16WithALauncherThatChecksTheHost() throws Exception {
        Path script = tmp.resolve("fix.reg");
        Kb kb = Kb.run("diagnose", "--example", "tls12-client-disabled-export", "--fix-script", "reg", "-o", script.toString());
        assertThat(kb.exit()).isEqualTo(ExitCode.FINDINGS);
        byte[] bytes = Files.readAllBytes(script);
        assertThat(bytes[0] & 0xff).isEqualTo(0xff);
        assertThat(bytes[1] & 0xff).isEqualTo(0xfe);
        assertThat(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE))
                .startsWith("Windows Registry Editor Version 5.00").contains("\"Enabled\"=dword:00000001");
        assertThat(Files.readString(tmp.resolve("fix.cmd"))).contains("EX01");
        assertThat(tmp.resolve("fix-rollback.reg")).exists();
    }

    @Test
    void healthyServerGetsNoScript() {
        Path script = tmp.resolve("fix.ps1");
        Kb kb = Kb.run("diagnose", "--example", "healthy-2019-export", "--fix-script", "ps1", "-o", script.toString());
        assertThat(kb.exit()).isEqualTo(ExitCode.OK);
        assertThat(kb.err()).contains("no fix script written");
        assertThat(script).doesNotExist();
    }

    @Test
    void fixScriptWithoutOutputIsAUsageError() {
        assertThat(Kb.run("diagnose", "--example", "tls12-client-disabled", "--fix-script", "ps1").exit())
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void explainNamesTheRuleAndTheFactsAndWhyOthersDidNotFire() throws Exception {
        Kb kb = Kb.run("diagnose", "--example", "tls12-client-disabled-export", "--format", "json", "--explain");
        JsonNode ex = Mappers.json().readTree(kb.out()).get("explanation");
        assertThat(ex.get("fired").toString()).contains("finding:tls12-client-disabled <- ", "Enabled = 0");
        assertThat(ex.get("notFired").toString()).contains("tls12-server-disabled: no ProtocolState with protocol=TLS 1.2, role=server");
        Kb text = Kb.run("diagnose", "--example", "healthy-2019", "--explain");
        assertThat(text.out()).contains("Explanation (rules that fired", "Considered, did not fire:");
    }
}
