package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole loop on a real Windows registry (Wine's reg.exe and cmd.exe), one prefix per example: import a
 * broken server's export, run collect-evidence.cmd, diagnose, generate --fix-script reg, run fix.cmd, collect
 * and diagnose again with {@code --baseline} the first diagnosis, as docs/reports.md tells a user to: every
 * finding that has a fix is in {@code comparison.resolved} and {@code comparison.new} is empty. Then import the
 * rollback, collect a third time and diagnose with {@code --baseline} the second diagnosis: the fixed findings
 * are {@code new} again and the SCHANNEL, .NET and WinHTTP exports equal the first ones.
 * fix.cmd runs without /force: its guard reads the ComputerName key the diagnosed export came from.
 * A Client/Server mismatch or a half-disabled TLS 1.0/1.1 goes through the loop only with the administrator's
 * decision (--legacy-tls on|off); without it no script is written and kb says why. On Server 2012 R2 WinHTTP's
 * DefaultSecureProtocols is not needed (domain notes 4.3, D4): that export shows no finding and gets no script.
 */
class FixScriptWineTest {

    static final Path KNOWLEDGE = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"));
    static final List<String> COMPARED = List.of("schannel.reg", "netfx.reg", "netfx-wow.reg", "winhttp.reg",
            "winhttp-wow.reg");
    static final Path TEST_RESOURCES = Path.of("src/test/resources");

    @TempDir
    Path tmp;

    /**
     * Per export: what it is, the exports (knowledge paths; {@code test:} for this module's test resources), the
     * kb options (the administrator's --legacy-tls decision), the findings the fix must resolve ({@code -}: no
     * script is written, and kb says why), and findings the export must not show ({@code -}: none named).
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            TLS 1.2 Client off (and Client/Server mismatch), 2016 on 2012 R2 | tls-deprecation/examples/raw/ex01-schannel.reg,tls-deprecation/examples/raw/ex01-host.reg | - | tls12-client-disabled schannel-client-server-mismatch | -
            TLS 1.2 Server off (and Client/Server mismatch), 2016 on 2012 R2 | collection/examples/fix-tls12-server-off.reg | - | tls12-server-disabled schannel-client-server-mismatch | -
            TLS 1.2 Client and Server off, Exchange 2010                   | tls-deprecation/findings/tls12-client-disabled/examples/ex2010-schannel.reg,tls-deprecation/findings/tls12-client-disabled/examples/ex2010-host.reg | - | tls12-client-disabled tls12-server-disabled | -
            TLS 1.2 Server half disabled (and mismatch), 2019 on 2019      | test:wine/half-disabled-tls12-server.reg | - | schannel-half-disabled schannel-client-server-mismatch tls12-server-disabled | -
            TLS 1.1 Client/Server mismatch, no decision: no script         | tls-deprecation/findings/schannel-client-server-mismatch/examples/cat-mismatch-tls11.reg | - | - | -
            TLS 1.1 Client/Server mismatch, admin keeps TLS 1.0/1.1 on     | tls-deprecation/findings/schannel-client-server-mismatch/examples/cat-mismatch-tls11.reg | --legacy-tls on | schannel-client-server-mismatch | -
            TLS 1.1 Client/Server mismatch, admin turns TLS 1.0/1.1 off    | tls-deprecation/findings/schannel-client-server-mismatch/examples/cat-mismatch-tls11.reg | --legacy-tls off | schannel-client-server-mismatch | -
            TLS 1.0 half disabled, no decision: no script                  | tls-deprecation/findings/schannel-half-disabled/examples/cat-half-disabled-tls10.reg | - | - | -
            TLS 1.0 half disabled, admin turns TLS 1.0/1.1 off             | tls-deprecation/findings/schannel-half-disabled/examples/cat-half-disabled-tls10.reg | --legacy-tls off | schannel-half-disabled | -
            TLS 1.0 half disabled, admin keeps TLS 1.0/1.1 on              | tls-deprecation/findings/schannel-half-disabled/examples/cat-half-disabled-tls10.reg | --legacy-tls on | schannel-half-disabled | -
            .NET strong crypto missing                                     | tls-deprecation/findings/dotnet-strong-crypto-missing/examples/cat-dotnet-absent.reg | - | dotnet-strong-crypto-missing | -
            .NET strong crypto 0 in the 32-bit view                        | tls-deprecation/findings/dotnet-strong-crypto-missing/examples/cat-dotnet-wow.reg | - | dotnet-strong-crypto-missing | -
            WinHTTP DefaultSecureProtocols missing, Server 2012            | tls-deprecation/findings/windows-prerequisite-missing/examples/cat-winhttp-2012.reg | - | windows-prerequisite-missing | -
            WinHTTP DefaultSecureProtocols missing, Server 2008 R2         | tls-deprecation/findings/windows-prerequisite-missing/examples/cat-winhttp-2008r2.reg | - | windows-prerequisite-missing | -
            WinHTTP DefaultSecureProtocols missing, Server 2012 R2: not needed there, no finding, no script | tls-deprecation/findings/windows-prerequisite-missing/near-misses/cat-winhttp-2012r2.reg | - | - | windows-prerequisite-missing
            TLS 1.3 on, Exchange 2019 on Server 2022                       | tls-deprecation/findings/tls13-unsupported-enabled/examples/cat-tls13-2022.reg | - | tls13-unsupported-enabled | -
            TLS 1.3 keys on, Exchange 2019                                 | tls-deprecation/findings/tls13-unsupported-enabled/examples/cat-tls13-2019.reg | - | tls13-unsupported-enabled | -
            """)
    void fixResolvesWhatHasAFixAndTheRollbackRestoresTheExport(String what, String exports, String options,
                                                                String fixes, String absent) throws Exception {
        List<Path> sources = Stream.of(exports.split(",")).map(e -> e.startsWith("test:")
                ? TEST_RESOURCES.resolve(e.substring("test:".length())) : KNOWLEDGE.resolve(e)).toList();
        Set<String> fixable = words(fixes);
        List<String> chosen = "-".equals(options) ? List.of() : List.of(options.split(" "));
        try (Wine wine = Wine.boot(tmp)) {
            for (Path source : sources) {
                wine.importReg(source);
            }
            Path script = tmp.resolve("collect-evidence.cmd");
            assertThat(Kb.run("collect-script", "--shell", "cmd", "-o", script.toString()).exit()).isZero();

            Path first = collect(wine, script, "1-before");
            Path beforeJson = tmp.resolve("before.json");
            JsonNode before = diagnose(first, beforeJson, null);
            Set<String> broken = ids(before);
            for (String id : words(absent)) {
                assertThat(broken).as("%s: findings the export must not show", what).doesNotContain(id);
            }
            assertThat(broken).as("%s: the example shows what the fix is for", what).containsAll(fixable);

            Path fixDir = Files.createDirectories(tmp.resolve("fix"));
            List<String> fixArgs = new ArrayList<>(List.of("diagnose", "--fix-script", "reg", "-o",
                    fixDir.resolve("fix.reg").toString()));
            fixArgs.addAll(chosen);
            Kb fix = Kb.run(withInputs(first, fixArgs.toArray(String[]::new)));
            if (fixable.isEmpty()) {
                assertThat(fix.err()).as("%s: nothing to fix", what).contains("no fix script written");
                assertThat(fixDir.resolve("fix.reg")).doesNotExist();
                if (broken.contains("schannel-half-disabled") || broken.contains("schannel-client-server-mismatch")) {
                    assertThat(fix.err()).as("%s: kb says which decision is missing", what)
                            .contains("is your decision").contains("--legacy-tls on or --legacy-tls off");
                }
                return;
            }
            assertThat(fix.err()).as(fix.err()).contains("wrote fix.reg, fix-rollback.reg, fix.cmd");
            Wine.Result ran = wine.run(fixDir, "cmd", "/c", "fix.cmd");
            assertThat(ran.exit()).as("fix.cmd without /force on the diagnosed computer: %s", ran.out()).isZero();
            assertThat(ran.out()).contains("Done. Backup in ");
            try (Stream<Path> backups = Files.list(fixDir)) {
                assertThat(backups.filter(p -> p.getFileName().toString().startsWith("backup-"))).hasSize(1);
            }

            Path afterJson = tmp.resolve("after.json");
            JsonNode after = diagnose(collect(wine, script, "2-after"), afterJson, beforeJson);
            JsonNode fixed = after.get("comparison");
            assertThat(ids(fixed.get("resolved"))).as("%s: every finding with a fix is resolved", what)
                    .containsAll(fixable);
            assertThat(strings(fixed.get("new"))).as("%s: nothing new", what).isEmpty();
            assertThat(ids(after)).as("%s: what is left was there before", what)
                    .isEqualTo(strings(fixed.get("stillPresent"))).doesNotContainAnyElementsOf(fixable);
            after.get("findings").forEach(f -> assertThat(f.get("status").asText()).as("%s: %s", what, f.get("id"))
                    .isEqualTo("still-present"));

            Wine.Result rollback = wine.run(fixDir, "reg", "import", "fix-rollback.reg");
            assertThat(rollback.exit()).as(rollback.out() + rollback.err()).isZero();
            Path third = collect(wine, script, "3-rolled-back");
            JsonNode back = diagnose(third, tmp.resolve("rolled-back.json"), afterJson);
            assertThat(ids(back)).as("%s: the findings are back", what).isEqualTo(broken);
            JsonNode undone = back.get("comparison");
            assertThat(strings(undone.get("new"))).as("%s: the fixed findings are new again", what)
                    .containsAll(fixable).isEqualTo(difference(broken, ids(after)));
            assertThat(ids(undone.get("resolved"))).as("%s: the rollback resolves nothing", what).isEmpty();
            for (String f : COMPARED) {
                assertThat(Files.exists(third.resolve(f))).as("%s exported both times or neither", f)
                        .isEqualTo(Files.exists(first.resolve(f)));
                if (Files.exists(first.resolve(f))) {
                    assertThat(Files.readAllBytes(third.resolve(f))).as("%s: %s after the rollback", what, f)
                            .isEqualTo(Files.readAllBytes(first.resolve(f)));
                }
            }
        }
    }

    private Path collect(Wine wine, Path script, String name) throws Exception {
        Path out = tmp.resolve(name);
        Wine.Result r = wine.run(script.getParent(), "cmd", "/c", script.getFileName().toString(), Wine.windowsPath(out));
        assertThat(r.exit()).as(r.out()).isZero();
        return out;
    }

    /** The collected folder as a user gives it: kb diagnose FOLDER ... */
    private static String[] withInputs(Path evidence, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, evidence.toString());
        return all.toArray(String[]::new);
    }

    /** kb diagnose FOLDER --format json -o SAVEAS [--baseline BASELINE], as docs/reports.md shows it. */
    private static JsonNode diagnose(Path evidence, Path saveAs, Path baseline) throws Exception {
        List<String> args = new ArrayList<>(List.of("diagnose", "--format", "json", "-o", saveAs.toString()));
        if (baseline != null) {
            args.addAll(List.of("--baseline", baseline.toString()));
        }
        Kb kb = Kb.run(withInputs(evidence, args.toArray(String[]::new)));
        assertThat(kb.exit()).as(kb.err()).isIn(0, 1);
        JsonNode d = Mappers.json().readTree(saveAs.toFile());
        assertThat(d.has("comparison")).as("comparison with --baseline only").isEqualTo(baseline != null);
        return d;
    }

    /** The ids of a diagnosis' findings or of comparison.resolved: objects with an id. */
    private static Set<String> ids(JsonNode diagnosisOrList) {
        JsonNode list = diagnosisOrList.has("findings") ? diagnosisOrList.get("findings") : diagnosisOrList;
        Set<String> ids = new TreeSet<>();
        list.forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }

    /** comparison.stillPresent and comparison.new: lists of ids. */
    private static Set<String> strings(JsonNode list) {
        assertThat(list.isArray()).as("a list: %s", list).isTrue();
        Set<String> ids = new TreeSet<>();
        list.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static Set<String> words(String list) {
        return "-".equals(list) ? Set.of() : new TreeSet<>(List.of(list.split(" ")));
    }

    private static Set<String> difference(Set<String> all, Set<String> removed) {
        Set<String> left = new TreeSet<>(all);
        left.removeAll(removed);
        return left;
    }
}
