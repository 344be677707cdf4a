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

/**
 * {@code kb diagnose ... --baseline PREVIOUS.json}: each status (new, still-present, resolved), in all four formats;
 * the exit code follows the current findings; another server's baseline is a warning; a malformed one is exit 2.
 * Baseline: broken-ex01.yaml (TLS 1.2 client off, STARTTLS fallback); after the fix: fixed-ex01.yaml; after the fix
 * with TLS 1.3 turned on as well: tls13-ex01.yaml (see their comments). Not re-examined: the shipped EX01 exports
 * (knowledge/tls-deprecation/examples/raw), diagnosed as schannel.reg + windows.reg and then windows.reg alone.
 */
class BaselineTest {

    /** Two of the three unchecked findings are critical: the verdict must not read as a clean bill. */
    private static final String UNCHECKED_VERDICT = "No mail-flow problem found at warning or above in these inputs, "
            + "but 2 earlier problems were not re-examined (see below).";

    static final Path DIR = Path.of("src/test/resources/reports");
    // the baseline's latest evidence time, UTC to the second as every report header writes times
    static final String SINCE = "2024-03-01T09:30:00Z";

    @TempDir
    Path tmp;

    Path baseline() throws Exception {
        Kb before = Kb.run("diagnose", DIR.resolve("broken-ex01.yaml").toString(), "--format", "json");
        assertThat(before.exit()).isEqualTo(ExitCode.FINDINGS);
        Path file = tmp.resolve("before.json");
        Files.writeString(file, before.out());
        return file;
    }

    Kb after(String bundle, String format) throws Exception {
        return Kb.run("diagnose", DIR.resolve(bundle).toString(), "--baseline", baseline().toString(), "--format", format);
    }

    @Test
    void jsonMarksEachFindingAndListsResolvedWithTheirEarlierEvidence() throws Exception {
        Kb kb = after("tls13-ex01.yaml", "json");
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(kb.err()).isEmpty();
        JsonNode d = Mappers.json().readTree(kb.out());
        assertThat(d.get("findings").get(0).get("id").asText()).isEqualTo("tls13-unsupported-enabled");
        assertThat(d.get("findings").get(0).get("status").asText()).isEqualTo("new");
        assertThat(d.get("findings").get(1).get("id").asText()).isEqualTo("legacy-tls-enabled");
        assertThat(d.get("findings").get(1).get("status").asText()).isEqualTo("still-present");
        JsonNode c = d.get("comparison");
        assertThat(c.get("baseline").asText()).isEqualTo(tmp.resolve("before.json").toString());
        assertThat(c.get("since").asText()).as("the baseline's latest evidence time").isEqualTo(SINCE);
        assertThat(c.get("sinceBasis").asText()).isEqualTo("evidence");
        assertThat(c.get("notReexamined")).as("the SChannel export and the send log were read again").isEmpty();
        assertThat(c.has("warning")).isFalse();
        assertThat(ids(c.get("resolved"))).containsExactly("tls12-client-disabled", "starttls-fallback-rejected",
                "schannel-client-server-mismatch");
        assertThat(c.get("stillPresent")).isEqualTo(Mappers.json().readTree("[\"legacy-tls-enabled\"]"));
        assertThat(c.get("new")).isEqualTo(Mappers.json().readTree("[\"tls13-unsupported-enabled\"]"));
        JsonNode was = Mappers.json().readTree(Files.readString(tmp.resolve("before.json"))).get("findings").get(0);
        assertThat(c.get("resolved").get(0).get("evidence")).as("evidence as the baseline had it")
                .isEqualTo(was.get("evidence"));
        assertThat(c.get("resolved").get(0).get("evidence").get(1).get("source").asText()).isEqualTo("schannel.reg:13");
    }

    @Test
    void exitCodeFollowsTheCurrentFindingsNotTheBaseline() throws Exception {
        Kb kb = after("fixed-ex01.yaml", "json");
        assertThat(kb.exit()).as("only an info finding is left").isEqualTo(ExitCode.OK);
        assertThat(Mappers.json().readTree(kb.out()).get("comparison").get("resolved")).hasSize(3);
    }

    @Test
    void textShowsResolvedSinceTheBaselineAndEachStatus() throws Exception {
        String out = after("tls13-ex01.yaml", "text").out();
        assertThat(out).contains("Compared with " + tmp.resolve("before.json"));
        assertThat(out).contains("new.\nResolved since " + SINCE + ":\n"
                + "  - tls12-client-disabled (critical): TLS 1.2 is disabled for outgoing\n"
                + "    connections (SChannel client)\n"
                + "    was: SEND20240301-1.LOG:41 TLS negotiation failed with error SocketError\n");
        assertThat(out).contains("\n    was: schannel.reg:13 SCHANNEL TLS 1.2\\Client Enabled = 0\n");
        assertThat(out).contains("[WARNING] tls13-unsupported-enabled  (both, new)\n",
                "[INFO] legacy-tls-enabled  (local, still present)\n");
    }

    @Test
    void markdownShowsResolvedSinceTheBaselineAndEachStatus() throws Exception {
        String out = after("tls13-ex01.yaml", "markdown").out();
        assertThat(out).contains("## Resolved since " + SINCE + "\n\n"
                + "- **tls12-client-disabled** (critical): TLS 1.2 is disabled for outgoing connections (SChannel client)\n"
                + "  - was: `SEND20240301-1.LOG:41`: TLS negotiation failed with error SocketError \\[outbound, "
                + "exchange-online, Outbound to Office 365\\] ");
        assertThat(out).contains("\n  - was: `schannel.reg:13`: SCHANNEL TLS 1.2\\Client Enabled = 0\n");
        assertThat(out).contains("**WARNING** · both · new · ", "**INFO** · local · still-present · ");
    }

    @Test
    void htmlShowsResolvedSinceTheBaselineAndEachStatus() throws Exception {
        String out = after("tls13-ex01.yaml", "html").out();
        assertThat(out).contains("<h2>Resolved since " + SINCE + "</h2>",
                "<li><span class=\"badge resolved\">RESOLVED</span><code>tls12-client-disabled</code> (critical) "
                        + "TLS 1.2 is disabled for outgoing connections (SChannel client)",
                "<li>was: <code>schannel.reg:13</code> SCHANNEL TLS 1.2\\Client Enabled = 0</li>",
                "<span class=\"badge status\">NEW</span>", "<span class=\"badge status\">STILL-PRESENT</span>");
    }

    @Test
    void baselineOfAnotherServerIsAWarningNotASilentComparison() throws Exception {
        Kb kb = after("../reports/healthy-ex02.yaml", "json");
        assertThat(kb.err().strip()).isEqualTo("kb: warning: the baseline " + tmp.resolve("before.json")
                + " is of EX01, this diagnosis of EX02: the comparison is between two servers");
        assertThat(Mappers.json().readTree(kb.out()).get("comparison").get("warning").asText()).contains("EX01", "EX02");
        assertThat(after("../reports/healthy-ex02.yaml", "text").out()).contains("warning: the baseline");
    }

    @Test
    void malformedBaselineIsOneLineAndExit2() throws Exception {
        for (String bad : List.of("{\"findings\": [", "[1, 2]", "{\"findings\": [{\"id\": \"x\", \"severity\": \"bad\"}]}",
                "{\"findings\": []}\n{\"findings\": []}", "")) {
            Path file = tmp.resolve("bad.json");
            Files.writeString(file, bad);
            Kb kb = Kb.run("diagnose", DIR.resolve("fixed-ex01.yaml").toString(), "--baseline", file.toString());
            kb.assertOneLineErrorNaming(file.toString());
        }
        Kb missing = Kb.run("diagnose", DIR.resolve("fixed-ex01.yaml").toString(), "--baseline",
                tmp.resolve("none.json").toString());
        missing.assertOneLineErrorNaming("none.json");
    }

    static final Path RAW = Path.of("../knowledge/tls-deprecation/examples/raw");

    /** Issue 14 (a): schannel.reg and windows.reg first, then windows.reg alone; returns the second run. */
    Kb schannelNotGivenAgain(String format) throws Exception {
        Path schannel = Files.copy(RAW.resolve("ex01-schannel.reg"), tmp.resolve("schannel.reg"));
        Path windows = Files.copy(RAW.resolve("ex01-host.reg"), tmp.resolve("windows.reg"));
        Kb before = Kb.run("diagnose", schannel.toString(), windows.toString(), "--format", "json");
        assertThat(before.exit()).as(before.err()).isEqualTo(ExitCode.FINDINGS);
        Path file = tmp.resolve("registry-only.json");
        Files.writeString(file, before.out());
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.parse(
                "2026-11-30T08:00:00Z")));
        return Kb.run("diagnose", windows.toString(), "--baseline", file.toString(), "--format", format);
    }

    @Test
    void evidenceNotGivenAgainIsNotReexaminedNotResolvedJson() throws Exception {
        Kb kb = schannelNotGivenAgain("json");
        assertThat(kb.exit()).as("a critical finding that may still be there is not a clean run")
                .isEqualTo(ExitCode.FINDINGS);
        JsonNode c = Mappers.json().readTree(kb.out()).get("comparison");
        assertThat(c.get("resolved")).isEmpty();
        assertThat(ids(c.get("notReexamined"))).containsExactly("tls12-client-disabled",
                "schannel-client-server-mismatch", "legacy-tls-enabled");
        c.get("notReexamined").forEach(f -> assertThat(f.get("collect").toString())
                .isEqualTo("[\"" + tmp.resolve("schannel.reg") + " (registry export)\"]"));
        assertThat(c.get("notReexamined").get(0).get("evidence").get(0).get("source").asText())
                .isEqualTo(tmp.resolve("schannel.reg") + ":25");
        assertThat(c.get("since").asText()).as("a registry export carries no time: the file's").isEqualTo(
                "2026-11-30T08:00:00Z");
        assertThat(c.get("sinceBasis").asText()).isEqualTo("baseline file modified");
    }

    @Test
    void evidenceNotGivenAgainIsNotReexaminedText() throws Exception {
        String out = schannelNotGivenAgain("text").out();
        String reg = tmp.resolve("schannel.reg").toString();
        // the paths are long: compared with the wrapping taken out
        assertThat(out.replaceAll("\\s+", " ")).contains("(as of 2026-11-30T08:00:00Z (when the baseline file was "
                + "last modified)): 0 resolved, 3 not re-examined, 0 still present, 0 new. "
                + "Not re-examined (the evidence that proved them was not given again): "
                + "- tls12-client-disabled (critical): TLS 1.2 is disabled for outgoing connections (SChannel client) "
                + "collect again: " + reg + " (registry export) "
                + "was: " + reg + ":25 SCHANNEL TLS 1.2\\Client Enabled = 0 ");
        assertThat(out).doesNotContain("Resolved since");
        assertThat(out.replaceAll("\\s+", " ")).as("not a clean bill while critical findings are unchecked")
                .contains(UNCHECKED_VERDICT).doesNotContain("No mail-flow problem found at warning or above.");
    }

    @Test
    void evidenceNotGivenAgainIsNotReexaminedMarkdown() throws Exception {
        String out = schannelNotGivenAgain("markdown").out();
        assertThat(out).contains(": 0 resolved, 3 not re-examined, 0 still present, 0 new.\n",
                "## Not re-examined\n\nThe evidence that proved these was not given again, so they may still be there:\n\n"
                        + "- **tls12-client-disabled** (critical): TLS 1.2 is disabled for outgoing connections (SChannel client)\n"
                        + "  - collect again: " + tmp.resolve("schannel.reg") + " (registry export)\n"
                        + "  - was: `" + tmp.resolve("schannel.reg") + ":25`: SCHANNEL TLS 1.2\\Client Enabled = 0\n");
        assertThat(out).doesNotContain("## Resolved since").contains("**" + UNCHECKED_VERDICT + "**");
    }

    @Test
    void evidenceNotGivenAgainIsNotReexaminedHtml() throws Exception {
        String out = schannelNotGivenAgain("html").out();
        assertThat(out).contains("<h2>Compared with the baseline</h2>", "0 resolved, 3 not re-examined, ",
                "<h3>Not re-examined</h3>",
                "<li><span class=\"badge not-reexamined\">NOT RE-EXAMINED</span><code>tls12-client-disabled</code>"
                        + " (critical) TLS 1.2 is disabled for outgoing connections (SChannel client)\n"
                        + "<ul class=\"evidence\">\n<li>collect again: " + tmp.resolve("schannel.reg")
                        + " (registry export)</li>\n<li>was: <code>" + tmp.resolve("schannel.reg")
                        + ":25</code> SCHANNEL TLS 1.2\\Client Enabled = 0</li>");
        assertThat(out).doesNotContain("badge resolved")
                .contains("<p class=\"verdict\">" + UNCHECKED_VERDICT + "</p>");
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
