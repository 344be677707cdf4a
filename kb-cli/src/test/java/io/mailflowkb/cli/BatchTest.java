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

/** `kb diagnose A B ...` and `--batch DIR`: JSON Lines in input order, worst exit code, all-or-nothing reading. */
class BatchTest {

    static final Path EXAMPLES = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"), "tls-deprecation", "examples");
    static final Path FINDINGS = EXAMPLES.resolveSibling("findings");

    @TempDir
    Path tmp;

    @Test
    void severalBundlesGiveJsonLinesInInputOrder() throws Exception {
        Path healthy = EXAMPLES.resolve("healthy-2019.yaml");
        Path broken = FINDINGS.resolve("tls12-client-disabled/examples/tls12-client-disabled.yaml");
        Kb kb = Kb.run("diagnose", healthy.toString(), broken.toString(), healthy.toString(), "--format", "json");
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        List<JsonNode> lines = lines(kb.out());
        assertThat(lines).extracting(l -> l.get("bundle").asText())
                .containsExactly(healthy.toString(), broken.toString(), healthy.toString());
        assertThat(lines.get(1).get("findings").get(0).get("id").asText()).isEqualTo("tls12-client-disabled");
        assertThat(lines.get(0).fieldNames()).toIterable().containsExactly("bundle", "host", "findings", "confirmations",
                "notExamined", "mailFlow", "missingEvidence", "inputs");
        // the rest of each line is exactly the single diagnosis
        JsonNode single = Mappers.json().readTree(Kb.run("diagnose", broken.toString(), "--format", "json").out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) lines.get(1)).remove("bundle");
        assertThat(lines.get(1)).isEqualTo(single);
    }

    @Test
    void batchDirIsSortedNonRecursiveAndExitsWithTheWorst() throws Exception {
        // a subfolder is one server's evidence folder (its files are not servers of their own)
        Files.copy(FINDINGS.resolve("tls12-server-disabled/examples/tls12-server-disabled.yaml"), tmp.resolve("b.yml"));
        Files.copy(EXAMPLES.resolve("healthy-2019.yaml"), tmp.resolve("a.yaml"));
        Files.writeString(tmp.resolve("notes.txt"), "not a bundle");
        Files.createDirectories(tmp.resolve("sub"));
        Files.copy(EXAMPLES.resolve("raw/ex19-host.reg"), tmp.resolve("sub/ex19-host.reg"));
        Files.copy(EXAMPLES.resolve("raw/ex19-schannel.reg"), tmp.resolve("sub/ex19-schannel.reg"));
        Kb kb = Kb.run("diagnose", "--batch", tmp.toString(), "--format", "json");
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(lines(kb.out())).extracting(l -> Path.of(l.get("bundle").asText()).getFileName().toString())
                .containsExactly("a.yaml", "b.yml", "sub");
        assertThat(lines(kb.out()).get(2).get("host").get("name").asText()).isEqualTo("EX19");

        Files.delete(tmp.resolve("b.yml"));
        assertThat(Kb.run("diagnose", "--batch", tmp.toString(), "--format", "json").exit()).isEqualTo(ExitCode.OK);
    }

    /** Found in review: two inputs of one server in a batch were reported as two servers without a word. */
    @Test
    void twoInputsForTheSameServerGiveOneWarningNamingBoth() throws Exception {
        for (String server : new String[] {"a", "b"}) {
            Files.createDirectories(tmp.resolve(server));
            Files.copy(EXAMPLES.resolve("raw/ex19-host.reg"), tmp.resolve(server + "/ex19-host.reg"));
        }
        Files.copy(EXAMPLES.resolve("raw/ex19-schannel.reg"), tmp.resolve("a/ex19-schannel.reg"));
        Files.copy(FINDINGS.resolve("tls12-client-disabled/examples/tls12-client-disabled.yaml"), tmp.resolve("c.yaml"));
        Kb kb = Kb.run("diagnose", "--batch", tmp.toString(), "--format", "json");
        assertThat(lines(kb.out())).hasSize(3);
        List<String> warnings = kb.err().lines().filter(l -> l.startsWith("kb: warning: ")).toList();
        assertThat(warnings).as(kb.err()).hasSize(1);
        assertThat(warnings.get(0)).contains(tmp.resolve("a").toString()).contains(tmp.resolve("b").toString())
                .contains("EX19").doesNotContain("c.yaml");

        Files.delete(tmp.resolve("b/ex19-host.reg"));
        Files.delete(tmp.resolve("b"));
        assertThat(Kb.run("diagnose", "--batch", tmp.toString(), "--format", "json").err())
                .doesNotContain("kb: warning:");
    }

    @Test
    void aBadBundleStopsTheBatchWithOneLineAndNoOutput() throws Exception {
        Files.copy(EXAMPLES.resolve("healthy-2019.yaml"), tmp.resolve("a.yaml"));
        Files.writeString(tmp.resolve("b-broken.yaml"), "schemaVersion: 1\nregistry: [ {key: 1\n");
        Files.copy(FINDINGS.resolve("tls12-client-disabled/examples/tls12-client-disabled.yaml"), tmp.resolve("c.yaml"));
        Kb.run("diagnose", "--batch", tmp.toString(), "--format", "json").assertOneLineErrorNaming("b-broken.yaml");
        Kb.run("diagnose", tmp.resolve("a.yaml").toString(), tmp.resolve("missing.yaml").toString())
                .assertOneLineErrorNaming("missing.yaml");
    }

    @Test
    void markdownAndHtmlGiveTheFleetSummaryThenOneReportPerBundle() throws Exception {
        Path a = EXAMPLES.resolve("healthy-2019.yaml");
        Path b = FINDINGS.resolve("tls12-client-disabled/examples/tls12-client-disabled.yaml");
        Kb md = Kb.run("diagnose", a.toString(), b.toString(), "--format", "markdown");
        assertThat(md.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(md.out().lines().filter(l -> l.startsWith("# Mail-flow diagnosis: ")))
                .containsExactly("# Mail-flow diagnosis: 2 servers", "# Mail-flow diagnosis: " + a,
                        "# Mail-flow diagnosis: " + b);
        Kb html = Kb.run("diagnose", a.toString(), b.toString(), "--format", "html");
        assertThat(html.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(html.out()).contains("<h1>Mail-flow diagnosis: 2 servers</h1>", "<article class=\"server\" id=\"s1\">");
        assertThat(Kb.run("diagnose", "--batch", tmp.toString()).err()).contains("no bundles");
        assertThat(Kb.run("diagnose", "--batch", tmp.toString(), "--example", "healthy-2019").exit())
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.lines().toList()) {
            nodes.add(Mappers.json().readTree(line));
        }
        return nodes;
    }
}
