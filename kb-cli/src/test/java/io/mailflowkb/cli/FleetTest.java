package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb diagnose --batch DIR --format markdown|html}: the fleet summary for three servers, worst first (EX01
 * critical, EX03 warning, EX02 healthy, although the files sort a-ex02, b-ex03, c-ex01), then each server's report
 * in file order. Fixtures: src/test/resources/reports/fleet (their comments say what each server holds), and a
 * folder, a zip and a bundle built from the examples' raw exports.
 */
class FleetTest {

    static final Path FLEET = Path.of("src/test/resources/reports/fleet");
    static final Path EXAMPLES_RAW = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"), "tls-deprecation",
            "examples", "raw");
    static final String A = FLEET.resolve("a-ex02.yaml").toString();
    static final String B = FLEET.resolve("b-ex03.yaml").toString();
    static final String C = FLEET.resolve("c-ex01.yaml").toString();

    @Test
    void markdownFleetSummaryOneRowPerServerWorstFirstThenEachReport() {
        Kb kb = Kb.run("diagnose", "--batch", FLEET.toString(), "--format", "markdown");
        assertThat(kb.exit()).as("worst of the three").isEqualTo(ExitCode.FINDINGS);
        assertThat(kb.out()).startsWith("# Mail-flow diagnosis: 3 servers\n\n"
                + "| Server | Input | Windows | Exchange build | Worst | Findings |\n"
                + "|---|---|---|---|---|---|\n"
                + "| EX01 | " + C + " | Windows Server 2016 Standard, build 14393 | 15.1.2507.6 (CU23) | CRITICAL | "
                + "tls12-client-disabled, starttls-fallback-rejected, schannel-client-server-mismatch, legacy-tls-enabled |\n"
                + "| EX03 | " + B + " | Windows Server 2016 Standard, build 14393 | 15.1.1500.1 (later than CU9) | WARNING | "
                + "tls13-unsupported-enabled, legacy-tls-enabled |\n"
                + "| EX02 | " + A + " | Windows Server 2019 Standard, build 17763 | 15.2.1544.4 (CU14) | none | none |\n"
                + "\n---\n\n# Mail-flow diagnosis: " + A + "\n\n- **Server:** EX02\n");
        assertThat(positions(kb.out(), "\n# Mail-flow diagnosis: " + A, "\n# Mail-flow diagnosis: " + B,
                "\n# Mail-flow diagnosis: " + C)).as("reports in file order").isSorted();
        assertThat(kb.out()).contains("- **Exchange:** Exchange Server 2016, later than CU9 (build 15.1.1500.1)\n");
    }

    @Test
    void htmlFleetIsOnePageWithTheSummaryAndEveryServerUnderItsOwnIds() {
        Kb kb = Kb.run("diagnose", "--batch", FLEET.toString(), "--format", "html");
        assertThat(kb.exit()).isEqualTo(ExitCode.FINDINGS);
        String html = kb.out();
        assertThat(count(html, "<html")).isEqualTo(1);
        assertThat(count(html, "<script")).as("only the page's own script").isEqualTo(1);
        assertThat(html).contains("<h1>Mail-flow diagnosis: 3 servers</h1>\n<table class=\"fleet\">");
        String table = html.substring(html.indexOf("<table class=\"fleet\">"), html.indexOf("</table>"));
        assertThat(positions(table, ">EX01</a>", ">EX03</a>", ">EX02</a>")).as("worst first").isSorted();
        assertThat(table).contains("<tr><td><a href=\"#s2\">EX01</a></td><td><code>" + C + "</code></td>"
                + "<td>Windows Server 2016 Standard, build 14393</td><td>15.1.2507.6 (CU23)</td>"
                + "<td><span class=\"badge critical\">CRITICAL</span></td>"
                + "<td><a href=\"#s2-f0\"><code>tls12-client-disabled</code></a>, ");
        assertThat(table).contains("<td>none</td><td>none</td></tr>");
        for (String id : List.of("s0", "s1", "s2", "s2-f0", "s2-flow", "s0-confirmed")) {
            assertThat(count(html, "id=\"" + id + "\"")).as("id %s once", id).isEqualTo(1);
        }
        assertThat(count(html, "id=\"s2-cmd0\"")).isEqualTo(1);
        assertThat(html).doesNotContain("id=\"f0\"", "id=\"cmd0\"");
    }

    @TempDir
    Path tmp;

    /** One server as an evidence folder, one as an evidence zip (real regedit exports of the examples), one bundle. */
    @Test
    void evidenceFoldersZipsAndBundlesAreOneServerEach() throws Exception {
        Path raw = EXAMPLES_RAW;
        Path folder = Files.createDirectories(tmp.resolve("ex01"));
        for (String f : List.of("ex01-host.reg", "ex01-schannel.reg")) {
            Files.copy(raw.resolve(f), folder.resolve(f));
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp.resolve("ex19.zip")))) {
            for (String f : List.of("ex19-host.reg", "ex19-schannel.reg")) {
                zip.putNextEntry(new ZipEntry("evidence/" + f));
                zip.write(Files.readAllBytes(raw.resolve(f)));
                zip.closeEntry();
            }
        }
        Files.copy(FLEET.resolve("a-ex02.yaml"), tmp.resolve("ex02.yaml"));
        Files.writeString(tmp.resolve("notes.txt"), "not a server: neither bundle, folder nor zip\n");

        Kb md = Kb.run("diagnose", "--batch", tmp.toString(), "--format", "markdown");
        assertThat(md.exit()).as(md.err()).isEqualTo(ExitCode.FINDINGS);
        String table = md.out().substring(0, md.out().indexOf("\n\n---"));
        assertThat(table.lines().skip(4).toList()).containsExactly(
                "| EX01 | " + folder + " | Windows Server 2012 R2 Standard, build 9600 | 15.1.2507.6 (CU23) | CRITICAL | "
                        + "tls12-client-disabled, schannel-client-server-mismatch, legacy-tls-enabled |",
                "| EX19 | " + tmp.resolve("ex19.zip") + " | Windows Server 2019 Standard, build 17763 | 15.2.1544.4 (CU14) "
                        + "| INFO | legacy-tls-enabled |",
                "| EX02 | " + tmp.resolve("ex02.yaml") + " | Windows Server 2019 Standard, build 17763 | 15.2.1544.4 "
                        + "(CU14) | none | none |");
        Kb json = Kb.run("diagnose", "--batch", tmp.toString(), "--format", "json");
        assertThat(json.out().lines().map(l -> l.substring(0, l.indexOf(",\"host\""))).toList()).containsExactly(
                "{\"bundle\":\"" + folder + "\"", "{\"bundle\":\"" + tmp.resolve("ex02.yaml") + "\"",
                "{\"bundle\":\"" + tmp.resolve("ex19.zip") + "\"");
    }

    @Test
    void jsonLinesStayOneObjectPerServer() {
        Kb kb = Kb.run("diagnose", "--batch", FLEET.toString(), "--format", "json");
        assertThat(kb.out().lines()).hasSize(3).allMatch(l -> l.startsWith("{\"bundle\":"));
    }

    private static List<Integer> positions(String text, String... parts) {
        return java.util.Arrays.stream(parts).map(p -> {
            assertThat(text).contains(p);
            return text.indexOf(p);
        }).toList();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
