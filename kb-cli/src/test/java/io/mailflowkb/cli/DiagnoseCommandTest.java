package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foundation's acceptance, run through the real command line parser and renderers. */
class DiagnoseCommandTest {

    static final String SCHANNEL12 = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2";

    @TempDir
    Path tmp;

    static JsonNode json(String text) throws Exception {
        return Mappers.json().readTree(text);
    }

    @Test
    void clientDisabledExampleGivesTheFindingWithRegistryEvidenceAndTheSeedFix() throws Exception {
        Kb kb = Kb.run("diagnose", "--example", "tls12-client-disabled", "--format", "json");
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        JsonNode finding = json(kb.out()).get("findings").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("tls12-client-disabled");
        assertThat(finding.get("severity").asText()).isEqualTo("critical");
        assertThat(finding.get("direction").asText()).isEqualTo("outbound");
        assertThat(finding.get("rule").asText()).isEqualTo("knowledge/tls-deprecation/findings/tls12-client-disabled/finding.yaml#tls12-client-disabled");
        List<String> evidence = new ArrayList<>();
        finding.get("evidence").forEach(e -> evidence.add(e.get("source").asText() + " " + e.get("fact").asText()));
        assertThat(evidence).contains("ex01-schannel.reg:19 SCHANNEL TLS 1.2\\Client Enabled = 0");
        List<String> commands = new ArrayList<>();
        finding.get("remediation").forEach(s -> s.get("commands").forEach(c -> commands.add(c.asText())));
        for (String role : List.of("Client", "Server")) {
            assertThat(commands).contains(
                    "reg add \"" + SCHANNEL12 + "\\" + role + "\" /v DisabledByDefault /t REG_DWORD /d 0 /f",
                    "reg add \"" + SCHANNEL12 + "\\" + role + "\" /v Enabled /t REG_DWORD /d 1 /f");
        }
        assertThat(finding.get("references")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(json(kb.out()).fieldNames()).toIterable().containsExactly("host", "findings", "confirmations", "notExamined", "mailFlow",
                "missingEvidence", "inputs");
    }

    @Test
    void healthyExampleExitsZeroWithNothingAtWarningOrAbove() throws Exception {
        for (String example : List.of("healthy-2019", "healthy-2019-export", "near-miss-ffffffff-2016")) {
            Kb kb = Kb.run("diagnose", "--example", example, "--format", "json");
            assertThat(kb.exit()).as(example + ": " + kb.out()).isEqualTo(ExitCode.OK);
            json(kb.out()).get("findings").forEach(f -> assertThat(f.get("severity").asText()).isEqualTo("info"));
        }
    }

    @Test
    void utf16RegistryExportGivesEvidenceWithFileAndLine() throws Exception {
        Path reg = tmp.resolve("X.reg");
        String text = "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols]\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]\r\n"
                + "\"Enabled\"=dword:00000000\r\n\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[body.length + 2];
        file[0] = (byte) 0xff;
        file[1] = (byte) 0xfe;
        System.arraycopy(body, 0, file, 2, body.length);
        Files.write(reg, file);
        Kb kb = Kb.run("diagnose", "--registry", reg.toString(), "--format", "json");
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        JsonNode finding = json(kb.out()).get("findings").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("tls12-client-disabled");
        assertThat(finding.get("evidence").get(0).get("source").asText()).isEqualTo(reg + ":6");
    }

    @Test
    void corruptBundlesExitTwoWithOneLineNamingTheFile() throws Exception {
        Path junk = tmp.resolve("junk.yaml");
        Files.write(junk, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, (byte) 0x9c, (byte) 0xff});
        Kb.run("diagnose", junk.toString()).assertOneLineErrorNaming("junk.yaml");

        Path invalid = tmp.resolve("invalid.yaml");
        Files.writeString(invalid, "schemaVersion: 1\nregistry: [ {key: x\n");
        Kb.run("diagnose", invalid.toString()).assertOneLineErrorNaming("invalid.yaml");

        Path future = tmp.resolve("future.json");
        Files.writeString(future, "{\"schemaVersion\": 99}");
        Kb kb = Kb.run("diagnose", future.toString(), "--format", "json");
        kb.assertOneLineErrorNaming("future.json");
        assertThat(kb.err()).contains("schemaVersion 99");

        Kb.run("diagnose", tmp.resolve("missing.yaml").toString()).assertOneLineErrorNaming("missing.yaml");
    }

    @Test
    void badRegistryInputsExitTwoWithOneLine() throws Exception {
        Path empty = tmp.resolve("empty.reg");
        Files.write(empty, new byte[0]);
        Kb.run("diagnose", "--registry", empty.toString()).assertOneLineErrorNaming("empty.reg");

        Path junk = tmp.resolve("junk.reg");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        Kb.run("diagnose", "--registry", junk.toString()).assertOneLineErrorNaming("junk.reg");

        Path truncated = tmp.resolve("truncated.reg");
        byte[] utf16 = ("\uFEFFWindows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM]\r\n")
                .getBytes(StandardCharsets.UTF_16LE);
        Files.write(truncated, java.util.Arrays.copyOf(utf16, utf16.length - 1));
        Kb.run("diagnose", "--registry", truncated.toString()).assertOneLineErrorNaming("truncated.reg");
    }

    @Test
    void sameInputGivesByteIdenticalOutput() {
        for (String format : List.of("json", "text")) {
            Kb first = Kb.run("diagnose", "--example", "starttls-fallback-queue", "--format", format);
            Kb second = Kb.run("diagnose", "--example", "starttls-fallback-queue", "--format", format);
            assertThat(second.out()).isEqualTo(first.out()).isNotEmpty();
        }
    }

    @Test
    void outputFileIsWrittenWholeOrNotAtAll() throws Exception {
        Path out = tmp.resolve("report.json");
        Kb ok = Kb.run("diagnose", "--example", "tls12-server-disabled", "--format", "json", "-o", out.toString());
        assertThat(ok.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(ok.out()).isEmpty();
        assertThat(json(Files.readString(out)).get("findings").get(0).get("id").asText()).isEqualTo("tls12-server-disabled");

        Path junk = tmp.resolve("junk.yaml");
        Files.write(junk, new byte[] {0, 1, 2});
        Path never = tmp.resolve("never.json");
        Kb.run("diagnose", junk.toString(), "-o", never.toString()).assertOneLineErrorNaming("junk.yaml");
        assertThat(never).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void exampleListIsOneNamePerLine() {
        Kb kb = Kb.run("diagnose", "--example");
        assertThat(kb.exit()).isZero();
        assertThat(kb.out().lines().toList()).contains("tls12-client-disabled", "healthy-2019", "tls12-client-disabled-export")
                .allMatch(l -> l.matches("[a-z0-9.-]+"));
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Kb.run("diagnose").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Kb.run("diagnose", "--format", "yaml", "--example", "healthy-2019").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Kb.run("diagnose", "--example", "no-such-example").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Kb.run("no-such-command").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void versionAndHelp() {
        Kb version = Kb.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("kb (Mailflow KB) ");
        Kb help = Kb.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("diagnose", "collect", "Exit codes");
    }

    /** `kb --version` alone registers no subcommand (Main); with anything after it, it parses as it always did. */
    @Test
    void versionAloneIsTheFullVersionAndVersionWithMoreIsParsedAsBefore() {
        Kb version = Kb.run("--version");
        assertThat(version.out().lines()).hasSize(2).first().asString().startsWith("kb (Mailflow KB) ");
        assertThat(version.out().lines().toList().get(1)).startsWith("Java " + System.getProperty("java.version") + ", ");
        assertThat(Kb.run("-V")).isEqualTo(version);
        assertThat(version.err()).isEmpty();
        Kb withCommand = Kb.run("--version", "diagnose");
        assertThat(withCommand.exit()).isZero();
        assertThat(withCommand.out()).isEqualTo(version.out());
        // picocli answers --version before it looks at what follows (as kb always did)
        assertThat(Kb.run("--version", "no-such-command")).isEqualTo(version);
        assertThat(Kb.run("diagnose", "--version").out()).isEmpty();
    }

    @Test
    void textReportFitsEightyColumnsExceptUnbreakableCommandsAndUrls() {
        Kb kb = Kb.run("diagnose", "--example", "starttls-fallback-queue");
        assertThat(kb.out()).contains("[CRITICAL] starttls-fallback-rejected", "Do this first:", "What to do:");
        // Only copy-paste commands (remediation commands, Collect next's "How:" line) and single unbreakable words
        // (paths, URLs, registry paths with spaces in key names such as "TLS 1.2") may run past 80 columns.
        kb.out().lines().filter(l -> l.length() > 80).forEach(l -> assertThat(l.strip())
                .matches("(reg |Get-|Restart-|Set-|Enable-|How: ).*|(- )?\\S+|(- )?HKLM\\\\\\S+( [\\w.\\\\]+)*"));
    }
}
