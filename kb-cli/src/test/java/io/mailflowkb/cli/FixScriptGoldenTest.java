package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated fix scripts as reviewed golden text. fix.ps1 and its rollback cannot run here, so they are parsed
 * with the PowerShell grammar (known gaps aside); fix.cmd and fix.reg run for real in FixScriptWineTest.
 */
class FixScriptGoldenTest {

    @TempDir
    Path tmp;

    @Test
    void powershellFixAndRollbackAreTheReviewedTextAndParse() throws Exception {
        Kb kb = Kb.run("diagnose", "--example", "tls12-client-disabled-export", "--fix-script", "ps1",
                "-o", tmp.resolve("fix.ps1").toString());
        assertThat(kb.err()).contains("wrote fix.ps1, fix-rollback.ps1");
        Golden.assertMatches("ex01-fix.ps1", read("fix.ps1"));
        Golden.assertMatches("ex01-fix-rollback.ps1", read("fix-rollback.ps1"));
        PowerShellGrammar.Run parse = PowerShellGrammar.check(tmp.resolve("fix.ps1"), tmp.resolve("fix-rollback.ps1"));
        assertThat(parse.exit()).as(parse.out()).isZero();
        assertThat(parse.out().lines().filter(l -> l.contains("known gap")))
                .as("only the documented gap (0xffffffffL)").isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("known gap (numeric-type-suffix)"));
    }

    @Test
    void rollbackOfAServerWithoutTls12KeysDeletesTheKeyTheFixCreates() throws Exception {
        Kb kb = Kb.run("diagnose", "--example", "tls12-absent-2008r2-export", "--fix-script", "ps1",
                "-o", tmp.resolve("fix.ps1").toString());
        assertThat(kb.err()).contains("wrote fix.ps1");
        Golden.assertMatches("ex2010-2008r2-fix-rollback.ps1", read("fix-rollback.ps1"));
        PowerShellGrammar.Run parse = PowerShellGrammar.check(tmp.resolve("fix.ps1"), tmp.resolve("fix-rollback.ps1"));
        assertThat(parse.exit()).as(parse.out()).isZero();
    }

    @Test
    void cmdLauncherIsTheReviewedText() throws Exception {
        Kb kb = Kb.run("diagnose", "--example", "tls12-client-disabled-export", "--fix-script", "reg",
                "-o", tmp.resolve("fix.reg").toString());
        assertThat(kb.err()).contains("wrote fix.reg, fix-rollback.reg, fix.cmd");
        Golden.assertMatches("ex01-fix.cmd", read("fix.cmd"));
    }

    private String read(String name) throws Exception {
        return Files.readString(tmp.resolve(name), StandardCharsets.UTF_8);
    }
}
