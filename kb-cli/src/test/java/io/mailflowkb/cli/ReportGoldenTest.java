package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the parts of a report issue 15 asks for, in all four formats: the header (server, Windows, Exchange
 * with its CU, evidence time range, inputs), the order (root cause before its consequence, then severity, then id),
 * confidence ("likely" and why) and a healthy report's confirmations. The expected text is written by hand from the bundles in
 * src/test/resources/reports (their comments say what they hold), not captured from a run.
 */
class ReportGoldenTest {

    static final Path BROKEN = Path.of("src/test/resources/reports/broken-ex01.yaml");
    static final Path HEALTHY = Path.of("src/test/resources/reports/healthy-ex02.yaml");
    static final Path LIKELY = Path.of("src/test/resources/reports/likely-ex03.yaml");

    /** The correlation note of "TLS 1.2 client disabled: seen in logs only" (correlate-findings.drl), as reports show it. */
    static final String WHY_LOWER = "Lower confidence: Exchange Online dropped the TLS handshake (SocketError), the "
            + "classic sign that this server offers no TLS 1.2; the SChannel registry was not in the inputs to confirm "
            + "it (Collect next says how to get it).";

    /** tls12-client-disabled is the correlation's root cause of starttls-fallback-rejected; then severity, then id. */
    static final List<String> ORDER = List.of("tls12-client-disabled", "starttls-fallback-rejected",
            "schannel-client-server-mismatch", "legacy-tls-enabled");

    @Test
    void textHeaderNamesServerWindowsExchangeCuTimesAndInputs() {
        String out = run(BROKEN, "text").out();
        assertThat(out).startsWith("""
                Mail-flow diagnosis
                  Server:        EX01
                  Windows:       Windows Server 2016 Standard, build 14393
                  Exchange:      Exchange Server 2016 CU23 (build 15.1.2507.6)
                  Collected:     unknown
                  Evidence from: 2024-03-01T08:00:04Z to 2024-03-01T09:30:00Z
                  Inputs read:   3 (schannel.reg, exchange.reg, SEND20240301-1.LOG)

                3 problems found.
                """);
    }

    @Test
    void markdownHeader() {
        String out = run(BROKEN, "markdown").out();
        assertThat(out).startsWith("""
                # Mail-flow diagnosis

                - **Server:** EX01
                - **Windows:** Windows Server 2016 Standard, build 14393
                - **Exchange:** Exchange Server 2016 CU23 (build 15.1.2507.6)
                - **Collected:** unknown
                - **Evidence from:** 2024-03-01T08:00:04Z to 2024-03-01T09:30:00Z
                - **Inputs read:** 3 (schannel.reg, exchange.reg, SEND20240301-1.LOG)

                **3 problems found.**
                """);
    }

    @Test
    void htmlHeader() {
        String out = run(BROKEN, "html").out();
        assertThat(out).contains("""
                <header>
                <h1>Mail-flow diagnosis</h1>
                <dl class="host">
                <dt>Server</dt><dd>EX01</dd>
                <dt>Windows</dt><dd>Windows Server 2016 Standard, build 14393</dd>
                <dt>Exchange</dt><dd>Exchange Server 2016 CU23 (build 15.1.2507.6)</dd>
                <dt>Collected</dt><dd>unknown</dd>
                <dt>Evidence from</dt><dd>2024-03-01T08:00:04Z to 2024-03-01T09:30:00Z</dd>
                <dt>Inputs read</dt><dd>3 (schannel.reg, exchange.reg, SEND20240301-1.LOG)</dd>
                </dl>
                <p class="verdict">3 problems found.</p>
                """);
    }

    @Test
    void jsonHostObjectSaysUnknownForWhatTheInputsLack() throws Exception {
        JsonNode host = json(run(BROKEN, "json").out()).get("host");
        assertThat(host).isEqualTo(Mappers.json().readTree("""
                {"name": "EX01", "fqdn": "unknown", "os": "Windows Server 2016 Standard", "osBuild": "14393",
                 "exchange": "Exchange Server 2016", "exchangeBuild": "15.1.2507.6", "exchangeCu": "CU23",
                 "collected": "unknown", "evidenceFrom": "2024-03-01T08:00:04Z",
                 "evidenceTo": "2024-03-01T09:30:00Z"}
                """));
        assertThat(Mappers.json().writeValueAsString(host)).as("field order").startsWith("{\n  \"name\" : \"EX01\",\n  \"fqdn\"");
    }

    @Test
    void rootCauseComesFirstInEveryFormat() throws Exception {
        assertThat(all(run(BROKEN, "text").out(), "(?m)^\\[[A-Z]+\\] (\\S+)  \\(")).isEqualTo(ORDER);
        assertThat(all(run(BROKEN, "markdown").out(), "(?m)^## (\\S+)$").subList(0, 4)).isEqualTo(ORDER);
        assertThat(all(run(BROKEN, "html").out(), "<p class=\"meta\"><code>([a-z0-9.-]+)</code> · ")).isEqualTo(ORDER);
        JsonNode json = json(run(BROKEN, "json").out());
        List<String> ids = new ArrayList<>();
        json.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).isEqualTo(ORDER);
        assertThat(json.get("findings").get(1).get("causedBy")).isEqualTo(Mappers.json().readTree("[\"tls12-client-disabled\"]"));
        assertThat(json.get("findings").get(0).has("causedBy")).as("a root cause has no causedBy").isFalse();
        assertThat(run(BROKEN, "text").out()).contains("""
                [CRITICAL] starttls-fallback-rejected  (outbound)
                  TLS failed and the retry without TLS was refused (451 5.7.3)
                """);
    }

    @Test
    void everyFindingShowsTheKnowledgeSummaryUnderItsTitle() {
        // the first words of tls12.yaml's summary of tls12-client-disabled
        assertThat(run(BROKEN, "text").out()).contains("""
                [CRITICAL] tls12-client-disabled  (outbound)
                  TLS 1.2 is disabled for outgoing connections (SChannel client)
                  SChannel on this server will not offer TLS 1.2""");
        assertThat(run(BROKEN, "markdown").out()).contains("· TLS 1.2 is disabled for outgoing connections (SChannel client)\n\nSChannel on this server will not offer TLS 1.2");
        assertThat(run(BROKEN, "html").out()).contains("<p class=\"summary-text\">SChannel on this server will not offer TLS 1.2");
        assertThat(json(run(BROKEN, "json").out()).get("findings").get(0).get("summary").asText()).startsWith("SChannel on this server will not offer TLS 1.2");
    }

    @Test
    void healthyTextSaysWhatWasConfirmedAndWhatWasNotLookedAt() {
        Kb kb = run(HEALTHY, "text");
        assertThat(kb.exit()).isEqualTo(ExitCode.OK);
        assertThat(kb.out()).contains("""

                No mail-flow problem found at warning or above.

                Confirmed:
                  - TLS 1.2 Client and Server enabled (schannel.reg:12-20)
                  - Exchange build 15.2.1544.4 can use TLS 1.2 on SMTP (exchange.reg:5)
                  - TLS 1.2 negotiated with Exchange Online in 37 outbound sessions
                    (SEND20240301-1.LOG)

                Not looked at:
                  - SChannel events: no System log export with SChannel events among the inputs
                  - Live probes of peers: none were run

                """);
    }

    @Test
    void healthyMarkdownConfirmations() {
        assertThat(run(HEALTHY, "markdown").out()).contains("""
                **No mail-flow problem found at warning or above.**

                No findings.

                ## Confirmed

                - TLS 1.2 Client and Server enabled (`schannel.reg:12-20`)
                - Exchange build 15.2.1544.4 can use TLS 1.2 on SMTP (`exchange.reg:5`)
                - TLS 1.2 negotiated with Exchange Online in 37 outbound sessions (`SEND20240301-1.LOG`)

                ## Not looked at

                - SChannel events: no System log export with SChannel events among the inputs
                - Live probes of peers: none were run

                """);
    }

    @Test
    void healthyHtmlConfirmations() {
        assertThat(run(HEALTHY, "html").out()).contains("""
                <section class="finding confirmed" id="confirmed">
                <h2>Confirmed</h2>
                <ul>
                <li>TLS 1.2 Client and Server enabled <code>schannel.reg:12-20</code></li>
                <li>Exchange build 15.2.1544.4 can use TLS 1.2 on SMTP <code>exchange.reg:5</code></li>
                <li>TLS 1.2 negotiated with Exchange Online in 37 outbound sessions <code>SEND20240301-1.LOG</code></li>
                </ul>
                <h3>Not looked at</h3>
                <ul>
                <li>SChannel events: no System log export with SChannel events among the inputs</li>
                <li>Live probes of peers: none were run</li>
                </ul>
                </section>
                """);
    }

    @Test
    void healthyJsonConfirmations() throws Exception {
        JsonNode d = json(run(HEALTHY, "json").out());
        assertThat(d.get("findings")).isEmpty();
        assertThat(d.get("confirmations")).isEqualTo(Mappers.json().readTree("""
                [{"what": "TLS 1.2 Client and Server enabled", "source": "schannel.reg:12-20"},
                 {"what": "Exchange build 15.2.1544.4 can use TLS 1.2 on SMTP", "source": "exchange.reg:5"},
                 {"what": "TLS 1.2 negotiated with Exchange Online in 37 outbound sessions", "source": "SEND20240301-1.LOG"}]
                """));
        assertThat(d.get("notExamined")).isEqualTo(Mappers.json().readTree("""
                ["SChannel events: no System log export with SChannel events among the inputs",
                 "Live probes of peers: none were run"]
                """));
        assertThat(d.get("mailFlow")).isEqualTo(Mappers.json().readTree("""
                [{"peer": "Exchange Online", "direction": "outbound", "state": "works",
                  "basis": "37 sessions negotiated TLS", "explainedBy": []},
                 {"peer": "Exchange Online", "direction": "inbound", "state": "unknown",
                  "basis": "no session with Exchange Online in the inputs", "explainedBy": []}]
                """));
    }

    @Test
    void lowerConfidenceIsLikelyInTheTitleWithWhatWouldConfirmItInText() {
        assertThat(run(LIKELY, "text").out()).contains("""
                [CRITICAL] tls12-client-disabled  (outbound)
                  Likely: TLS 1.2 is disabled for outgoing connections (SChannel client)
                """, "  negotiation failed with error SocketError\".\n"
                + "  Lower confidence: Exchange Online dropped the TLS handshake (SocketError), the\n"
                + "    classic sign that this server offers no TLS 1.2; the SChannel registry was\n"
                + "    not in the inputs to confirm it (Collect next says how to get it).\n"
                + "  Do this first:");
        assertThat(run(BROKEN, "text").out()).as("high confidence: no mark").doesNotContain("Likely", "Lower confidence");
    }

    @Test
    void lowerConfidenceInMarkdown() {
        String out = run(LIKELY, "markdown").out();
        assertThat(out).contains("| CRITICAL | [tls12-client-disabled](#tls12-client-disabled) | Likely: TLS 1.2 is "
                + "disabled for outgoing connections (SChannel client) | outbound |\n");
        assertThat(out).contains("**CRITICAL** · outbound · Likely: TLS 1.2 is disabled for outgoing connections "
                + "(SChannel client)\n\n");
        assertThat(out).contains("\n\n> " + WHY_LOWER + "\n\n> **Do this first:**");
    }

    @Test
    void lowerConfidenceInHtml() {
        String out = run(LIKELY, "html").out();
        assertThat(out).contains("<h2><span class=\"badge critical\">CRITICAL</span>Likely: TLS 1.2 is disabled for "
                + "outgoing connections (SChannel client)</h2>\n");
        assertThat(out).contains("<p class=\"likely\">" + WHY_LOWER + "</p>\n");
        assertThat(out).contains("<td>Likely: TLS 1.2 is disabled for outgoing connections (SChannel client)</td>");
    }

    @Test
    void lowerConfidenceInJson() throws Exception {
        JsonNode f = json(run(LIKELY, "json").out()).get("findings").get(0);
        assertThat(f.get("id").asText()).isEqualTo("tls12-client-disabled");
        assertThat(f.get("confidence").asText()).isEqualTo("lower");
        assertThat(f.get("title").asText()).as("JSON keeps the knowledge's title")
                .isEqualTo("TLS 1.2 is disabled for outgoing connections (SChannel client)");
        assertThat(json(run(BROKEN, "json").out()).get("findings").get(0).get("confidence").asText()).isEqualTo("high");
    }

    @Test
    void sameInputGivesByteIdenticalReportsInEveryFormat() {
        for (String format : List.of("text", "json", "markdown", "html")) {
            assertThat(run(BROKEN, format).out()).as(format).isEqualTo(run(BROKEN, format).out());
        }
    }

    static Kb run(Path bundle, String format) {
        return Kb.run("diagnose", bundle.toString(), "--format", format);
    }

    static JsonNode json(String text) {
        try {
            return Mappers.json().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
