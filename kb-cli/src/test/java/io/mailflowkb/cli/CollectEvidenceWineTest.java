package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * collect-evidence.cmd, executed for real in Wine's cmd.exe against a registry that holds a shipped broken-server
 * export: what it collects gives the same findings as the export itself. Wine's wevtutil and powershell are stubs
 * that print nothing: the script records that and goes on. A fake Exchange install folder gives it a real send
 * protocol log to copy and an Exchange Management Shell for the cmdlet items to try. The folder is diagnosed as
 * a user would: {@code kb diagnose FOLDER}.
 */
class CollectEvidenceWineTest {

    static final Path RAW = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"), "tls-deprecation",
            "examples", "raw");
    static final List<String> STATUSES = List.of("collected", "not present on this server", "failed");

    @TempDir
    Path tmp;

    /** Each case: the .reg exports of one shipped example, comma-separated. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ex01-schannel.reg,ex01-host.reg", "../../findings/tls12-client-disabled/examples/ex2010-schannel.reg,../../findings/tls12-client-disabled/examples/ex2010-host.reg",
            "../../findings/dotnet-strong-crypto-missing/examples/cat-dotnet-absent.reg",
            "../../findings/windows-prerequisite-missing/examples/cat-winhttp-2012.reg",
            "../../findings/tls13-unsupported-enabled/examples/cat-tls13-2019.reg"})
    void collectedEvidenceGivesTheFindingsOfTheSourceExports(String exports) throws Exception {
        List<Path> sources = Stream.of(exports.split(",")).map(RAW::resolve).toList();
        Path sendLog = RAW.resolve("logs-socketerror/SEND20240301-1.LOG");
        try (Wine wine = Wine.boot(tmp)) {
            for (Path source : sources) {
                wine.importReg(source);
            }
            Path exchange = fakeExchange(sendLog);
            wine.extraEnv.add("ExchangeInstallPath=" + Wine.windowsPath(exchange) + "\\");
            Path evidence = tmp.resolve("evidence out");
            Wine.Result run = collect(wine, evidence);
            assertThat(run.exit()).as("exit code; stdout: %s", run.out()).isZero();

            List<String> manifest = manifestLines(evidence);
            assertThat(manifest).as("one line per manifest item").hasSize(itemCount());
            assertThat(manifest).allSatisfy(l -> assertThat(STATUSES).anySatisfy(s -> assertThat(l).contains(": " + s + ":")));
            assertThat(manifest).contains("schannel: collected: schannel.reg", "windows: collected: windows.reg")
                    .anySatisfy(l -> assertThat(l).startsWith("schannel-events: not present on this server: wevtutil printed no events"))
                    .anySatisfy(l -> assertThat(l).startsWith("send-connectors: failed: powershell.exe wrote no output"))
                    .anySatisfy(l -> assertThat(l).startsWith("hub-send-log: collected: SmtpSend-Hub"))
                    .anySatisfy(l -> assertThat(l).startsWith("frontend-send-log: not present on this server: no folder"));
            byte[] reg = Files.readAllBytes(evidence.resolve("schannel.reg"));
            assertThat(new byte[] {reg[0], reg[1]}).as("reg export writes UTF-16LE with BOM").containsExactly(0xFF, 0xFE);
            assertThat(evidence.resolve("schannel-events.xml")).as("an empty events file is not left behind").doesNotExist();

            List<String> direct = new ArrayList<>();
            sources.forEach(s -> direct.add(s.toString()));
            direct.add(sendLog.toString());
            TreeSet<String> expected = findingIds(direct);
            assertThat(expected).as("the example is broken").isNotEmpty();
            assertThat(findingIds(List.of(evidence.toString()))).as("findings of the collected folder vs. the source exports")
                    .isEqualTo(expected);
        }
    }

    @Test
    void withoutExchangeTheCmdletAndLogItemsAreNotPresentAndTheScriptStillEndsWell() throws Exception {
        try (Wine wine = Wine.boot(tmp)) {
            Path script = script();
            Wine.Result usage = wine.run(script.getParent(), "cmd", "/c", script.getFileName().toString());
            assertThat(usage.exit()).as("no OUTDIR").isEqualTo(2);
            assertThat(usage.out()).contains("Usage: collect-evidence.cmd OUTDIR [LOGDAYS]");
            Path evidence = tmp.resolve("out");
            Wine.Result run = collect(wine, evidence);
            assertThat(run.exit()).as(run.out()).isZero();
            assertThat(manifestLines(evidence)).hasSize(itemCount())
                    .contains("queues: not present on this server: no Exchange Management Shell (ExchangeInstallPath\\bin\\RemoteExchange.ps1)",
                            "hub-send-log: not present on this server: ExchangeInstallPath is not set")
                    .anySatisfy(l -> assertThat(l).startsWith("exchange-setup: not present on this server: "));
            assertThat(run.out()).contains("kb diagnose");

            // line 1: the computer and cmd's locale-dependent %DATE% %TIME%, labelled, shown as given in every format
            String first = Files.readAllLines(evidence.resolve("manifest.txt"), StandardCharsets.ISO_8859_1).get(0).strip();
            Matcher m = Pattern.compile("# Mailflow KB evidence of (\\S+), collect-evidence\\.cmd, (local time .*\\d.*)")
                    .matcher(first);
            assertThat(m.matches()).as(first).isTrue();
            String name = m.group(1);
            String time = m.group(2);
            assertThat(diagnose(evidence, "text")).contains("  Server:        " + name + "\n",
                    "  Collected:     " + time + "\n");
            assertThat(diagnose(evidence, "markdown")).contains("- **Collected:** " + time + "\n");
            assertThat(diagnose(evidence, "html")).contains("<dt>Collected</dt><dd>" + time + "</dd>");
            JsonNode host = Mappers.json().readTree(diagnose(evidence, "json")).get("host");
            assertThat(host.get("name").asText()).isEqualTo(name);
            assertThat(host.get("collected").asText()).isEqualTo(time);
        }
    }

    private static String diagnose(Path evidence, String format) {
        Kb kb = Kb.run("diagnose", evidence.toString(), "--format", format);
        assertThat(kb.exit()).as(kb.err()).isIn(0, 1);
        return kb.out();
    }

    private Path fakeExchange(Path sendLog) throws Exception {
        Path exchange = tmp.resolve("Exchange Server");
        Files.createDirectories(exchange.resolve("bin"));
        Files.writeString(exchange.resolve("bin/RemoteExchange.ps1"), "# stands in for the Exchange Management Shell\r\n");
        Path hub = exchange.resolve("TransportRoles/Logs/Hub/ProtocolLog/SmtpSend");
        Files.createDirectories(hub);
        Files.copy(sendLog, hub.resolve(sendLog.getFileName()));
        return exchange;
    }

    private Path script() throws Exception {
        Path script = tmp.resolve("collect-evidence.cmd");
        if (!Files.exists(script)) {
            Kb kb = Kb.run("collect-script", "--shell", "cmd", "-o", script.toString());
            assertThat(kb.exit()).as(kb.err()).isZero();
        }
        return script;
    }

    private Wine.Result collect(Wine wine, Path evidence) throws Exception {
        Path script = script();
        return wine.run(script.getParent(), "cmd", "/c", script.getFileName().toString(), Wine.windowsPath(evidence));
    }

    static List<String> manifestLines(Path evidence) throws Exception {
        List<String> lines = Files.readAllLines(evidence.resolve("manifest.txt"), StandardCharsets.ISO_8859_1);
        assertThat(lines.get(0)).startsWith("# Mailflow KB evidence of ");
        return lines.subList(1, lines.size()).stream().map(String::strip).toList();
    }

    static int itemCount() {
        return io.mailflowkb.rules.Diagnostician.load().knowledge().collection().all().size();
    }

    static TreeSet<String> findingIds(List<String> inputs) throws Exception {
        List<String> args = new ArrayList<>(List.of("diagnose", "--format", "json"));
        args.addAll(inputs);
        Kb kb = Kb.run(args.toArray(String[]::new));
        assertThat(kb.exit()).as("kb %s: %s", args, kb.err()).isIn(0, 1);
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode f : Mappers.json().readTree(kb.out()).get("findings")) {
            ids.add(f.get("id").asText());
        }
        return ids;
    }
}
