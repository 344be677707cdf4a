package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium: it renders (a real screenshot), the page's own script runs, a hostile
 * log line shows as text and does not run, and the console stays empty (no errors, no CSP violations).
 * Chromium comes from tools/test-deps/chromium.sh (Debian's package); without it the test is skipped, visibly.
 */
class HtmlReportChromiumTest {

    static final Path EXAMPLES = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"), "tls-deprecation", "findings",
            "starttls-fallback-rejected", "examples");
    /** The hostile line: an inline script and an event handler, each of which would mark the page if it ran. */
    static final String HOSTILE = "<script>window.__pwned=1;document.documentElement.setAttribute('data-pwned','1')</script>"
            + "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">";

    String chromium;

    @TempDir
    Path tmp;

    /** Found per test, not in @BeforeAll: an assumption there hides the test (0 run, 0 skipped) instead of skipping it. */
    @BeforeEach
    void findChromium() {
        String override = System.getenv("KB_CHROMIUM");
        List<String> candidates = override != null ? List.of(override) : List.of("chromium", "chromium-browser");
        for (String c : candidates) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = c.contains(File.separator) ? Path.of(c) : Path.of(dir, c);
                if (Files.isExecutable(p)) {
                    chromium = p.toString();
                    return;
                }
            }
        }
        skip("not on PATH (install it with tools/test-deps/chromium.sh)");
    }

    @Test
    void reportRendersPrintsRunsOnlyItsOwnScriptAndShowsHostileTextAsText() throws Exception {
        String yaml = Files.readString(EXAMPLES.resolve("starttls-fallback-queue.yaml"));
        String hostileYaml = HOSTILE.replace("'", "''");
        String bundle = yaml.replace("Must issue a STARTTLS command first.\"'", "Must issue a STARTTLS command first.\" "
                + hostileYaml + "'").replace("source: get-queue.txt", "source: '" + hostileYaml + "'");
        assertThat(bundle).as("fixture edit applied").contains("window.__pwned");
        Path bundleFile = tmp.resolve("hostile.yaml");
        Files.writeString(bundleFile, bundle);
        Path report = tmp.resolve("report.html");
        Kb kb = Kb.run("diagnose", bundleFile.toString(), "--format", "html", "-o", report.toString());
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);

        Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Run shot = chromium(report, "--screenshot=" + png, "--window-size=1200,1600");
        Run dom = chromium(report, "--dump-dom");
        Path pdf = tmp.resolve("report.pdf");
        Run print = chromium(report, "--print-to-pdf=" + pdf, "--no-pdf-header-footer");

        byte[] image = Files.exists(png) ? Files.readAllBytes(png) : new byte[0];
        assertThat(image.length).as("screenshot size; chromium said: %s", shot.err).isGreaterThan(20_000);
        assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        Matcher html = Pattern.compile("<html[^>]*>").matcher(dom.out);
        assertThat(html.find()).as("dumped DOM: %s", dom.out).isTrue();
        assertThat(html.group()).as("the page's own script ran").contains("data-kb-script=\"ran\"")
                .as("no hostile script or handler ran").doesNotContain("data-pwned");
        assertThat(dom.out).contains("&lt;script&gt;window.__pwned=1;").contains("&lt;img src=x onerror=")
                .doesNotContain("<img");
        byte[] printed = Files.exists(pdf) ? Files.readAllBytes(pdf) : new byte[0];
        assertThat(printed.length).as("printed PDF; chromium said: %s", print.err).isGreaterThan(10_000);
        assertThat(new String(printed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        for (Run r : List.of(shot, dom, print)) {
            assertThat(console(r)).as("console messages").isEmpty();
        }
    }

    /**
     * A bundled example (root cause and consequence, a failing flow to Exchange Online) with its mail-flow picture:
     * the inline SVG renders, prints, and the console stays empty. Its screenshot is the one in docs/reports.md
     * (copied from target/report-flow-screenshot.png).
     */
    @Test
    void bundledExampleWithTheMailFlowPictureRendersAndPrints() throws Exception {
        Path report = tmp.resolve("flow.html");
        Kb kb = Kb.run("diagnose", "--example", "starttls-fallback-certificate", "--format", "html", "-o", report.toString());
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(Files.readString(report)).contains("<svg class=\"flow\"", "sends: fails (tls-certificate-problem)");

        Path png = Path.of("target", "report-flow-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Run shot = chromium(report, "--screenshot=" + png, "--window-size=1100,1500");
        Run dom = chromium(report, "--dump-dom");
        Path pdf = tmp.resolve("flow.pdf");
        Run print = chromium(report, "--print-to-pdf=" + pdf, "--no-pdf-header-footer");

        byte[] image = Files.exists(png) ? Files.readAllBytes(png) : new byte[0];
        assertThat(image.length).as("screenshot size; chromium said: %s", shot.err).isGreaterThan(20_000);
        // the parsed DOM holds the picture as SVG elements (not text), with its arrows, boxes and labels
        assertThat(dom.out).contains("<svg class=\"flow\"", "<marker id=\"arrow-fails\"", "<rect ",
                "marker-end=\"url(#arrow-fails)\"", ">This server</text>", ">Exchange Online</text>",
                ">receives: unknown</text>", "<span class=\"state fails\">fails</span>");
        assertThat(dom.out.indexOf("id=\"f0\"")).as("root cause section first")
                .isLessThan(dom.out.indexOf("id=\"f1\""));
        byte[] printed = Files.exists(pdf) ? Files.readAllBytes(pdf) : new byte[0];
        assertThat(printed.length).as("printed PDF; chromium said: %s", print.err).isGreaterThan(10_000);
        for (Run r : List.of(shot, dom, print)) {
            assertThat(console(r)).as("console messages").isEmpty();
        }
    }

    static List<String> console(Run r) {
        return r.err.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")
                || l.contains("Content Security Policy") || l.contains("Refused to")).toList();
    }

    record Run(String out, String err) {
    }

    /** Skips visibly: the reason goes to the console as well as into the surefire report. */
    private static void skip(String reason) {
        System.err.println("HtmlReportChromiumTest SKIPPED: chromium unavailable: " + reason);
        Assumptions.abort("chromium unavailable: " + reason);
    }

    private Run chromium(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Path out = tmp.resolve("chromium-" + profile.getFileName() + ".out");
        Path err = tmp.resolve("chromium-" + profile.getFileName() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            skip("no result within 90 s");
        }
        String errText = Files.readString(err);
        if (p.exitValue() != 0) {
            skip("exit " + p.exitValue() + ": " + errText.lines().reduce((a, b) -> b).orElse(""));
        }
        return new Run(Files.readString(out), errText);
    }
}
