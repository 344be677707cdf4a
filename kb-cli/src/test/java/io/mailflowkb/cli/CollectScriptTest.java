package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kb collect-script: both scripts are reviewed golden text; the PowerShell one is parsed with a real PowerShell
 * grammar (it cannot run here; the .cmd one runs in Wine, CollectEvidenceWineTest). User knowledge adds items.
 */
class CollectScriptTest {

    @TempDir
    Path tmp;

    @Test
    void cmdScriptIsTheReviewedGoldenText() throws Exception {
        Kb kb = Kb.run("collect-script", "--shell", "cmd");
        assertThat(kb.exit()).as(kb.err()).isZero();
        assertThat(kb.out()).doesNotContain("\n\n").as("CRLF line ends throughout").doesNotContainPattern("[^\r]\n");
        Golden.assertMatches("collect-evidence.cmd", kb.out());
    }

    @Test
    void powershellScriptIsTheReviewedGoldenTextAndParses() throws Exception {
        Path script = tmp.resolve("Collect-MailflowEvidence.ps1");
        Kb kb = Kb.run("collect-script", "--shell", "powershell", "-o", script.toString());
        assertThat(kb.exit()).as(kb.err()).isZero();
        String text = Files.readString(script, StandardCharsets.UTF_8);
        Golden.assertMatches("Collect-MailflowEvidence.ps1", text);
        PowerShellGrammar.Run parse = PowerShellGrammar.check(script);
        assertThat(parse.exit()).as(parse.out()).isZero();
        assertThat(parse.out()).doesNotContain("known gap");
    }

    @Test
    void theGrammarCheckFindsASyntaxErrorSoAPassMeansSomething() throws Exception {
        Path script = tmp.resolve("broken.ps1");
        String good = Kb.run("collect-script", "--shell", "powershell").out();
        Files.writeString(script, good.replace("foreach ($item in $items) {", "foreach ($item in $items {"));
        PowerShellGrammar.Run parse = PowerShellGrammar.check(script);
        assertThat(parse.exit()).as(parse.out()).isEqualTo(1);
        assertThat(parse.out()).contains("broken.ps1:").contains(": error:");
    }

    @Test
    void userKnowledgeItemsAreCollectedByBothScripts() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("capi2.yaml"), """
                knowledgeVersion: 1
                collect:
                  - id: capi2-events
                    what: "CAPI2 chain-building errors, Exchange Online's certificate included"
                    events: {log: Microsoft-Windows-CAPI2/Operational, query: "*[System[(Level=2) and Provider[@Name='Microsoft-Windows-CAPI2']]]"}
                    file: capi2-events.xml
                    findings: [tls-certificate-problem]
                """);
        Kb cmd = Kb.run("collect-script", "--shell", "cmd", "--knowledge", dir.toString());
        assertThat(cmd.exit()).as(cmd.err()).isZero();
        assertThat(cmd.out()).contains("call :events capi2-events \"Microsoft-Windows-CAPI2/Operational\" "
                + "\"*[System[(Level=2) and Provider[@Name='Microsoft-Windows-CAPI2']]]\" capi2-events.xml\r\n");
        Path ps1 = tmp.resolve("c.ps1");
        Kb ps = Kb.run("collect-script", "--shell", "powershell", "--knowledge", dir.toString(), "-o", ps1.toString());
        assertThat(ps.exit()).as(ps.err()).isZero();
        assertThat(Files.readString(ps1)).contains("@{ Id = 'capi2-events'; Kind = 'events'; "
                + "Log = 'Microsoft-Windows-CAPI2/Operational'; Query = '*[System[(Level=2) and "
                + "Provider[@Name=''Microsoft-Windows-CAPI2'']]]'; File = 'capi2-events.xml' }");
        PowerShellGrammar.Run parse = PowerShellGrammar.check(ps1);
        assertThat(parse.exit()).as(parse.out()).isZero();
    }

    @Test
    void helpTeachesTheWholeStepAndAMissingShellIsAUsageError() {
        Kb help = Kb.run("collect-script", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Unblock-File", "-ExecutionPolicy Bypass", "kb diagnose <zip>",
                "collect-evidence.cmd C:\\Temp\\kb", "read-only");
        Kb none = Kb.run("collect-script");
        assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).contains("--shell");
        Kb bad = Kb.run("collect-script", "--shell", "bash");
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("bash");
    }

    @Test
    void badUserKnowledgeIsOneLineNamingTheFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("x.yaml"), "knowledgeVersion: 1\ncollect:\n  - id: evil\n    what: x\n"
                + "    cmdlet: {name: Remove-Mailbox, properties: [Name]}\n    file: x.txt\n");
        Kb kb = Kb.run("collect-script", "--shell", "cmd", "--knowledge", dir.toString());
        assertThat(kb.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(kb.err()).contains("x.yaml:3:5").contains("must be a Get- cmdlet").doesNotContain("Exception");
        assertThat(kb.out()).isEmpty();
    }
}
