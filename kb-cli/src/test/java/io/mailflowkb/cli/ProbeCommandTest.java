package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kb probe's time bounds, seen from the command line, against a peer that accepts and never answers. */
class ProbeCommandTest {

    @Test
    void tarpitEndsWithinTheReplyTimeoutPlusOneSecond() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!tarpit.isClosed()) {
                        held.add(tarpit.accept()); // accept, then say nothing
                    }
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Kb.run("rules", "list"); // load the knowledge once so the timing below is the probe's
            long start = System.nanoTime();
            Kb kb = Kb.run("probe", "127.0.0.1:" + tarpit.getLocalPort(), "--reply-timeout", "2000", "--format", "json");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("whole kb probe run").isLessThan(2000 + 1000 + 500);
            JsonNode probes = Mappers.json().readTree(kb.out()).get("probes");
            assertThat(probes).hasSize(4);
            probes.forEach(p -> {
                assertThat(p.get("outcome").asText()).isEqualTo("timeout");
                assertThat(p.get("detail").asText()).contains("no reply within 2 s");
            });
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** Issue 11: a peer that accepts TCP and never answers is peer-unreachable (exit 1), naming every version tried. */
    @Test
    void aPeerThatNeverAnswersIsUnreachableNotHealthy() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!tarpit.isClosed()) {
                        held.add(tarpit.accept());
                    }
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String target = "127.0.0.1:" + tarpit.getLocalPort();
            Kb kb = Kb.run("probe", target, "--reply-timeout", "1000", "--format", "json");
            assertThat(kb.exit()).isEqualTo(ExitCode.FINDINGS);
            JsonNode findings = Mappers.json().readTree(kb.out()).get("findings");
            JsonNode unreachable = null;
            for (JsonNode f : findings) {
                if (f.get("id").asText().equals("peer-unreachable")) {
                    unreachable = f;
                }
            }
            assertThat(unreachable).as(findings.toString()).isNotNull();
            assertThat(unreachable.get("severity").asText()).isEqualTo("warning");
            String evidence = unreachable.get("evidence").toString();
            for (String v : new String[] {"TLS 1.0 timeout", "TLS 1.1 timeout", "TLS 1.2 timeout", "TLS 1.3 timeout"}) {
                assertThat(evidence).contains(v);
            }
            assertThat(unreachable.get("remediation").toString()).contains("kb probe " + target)
                    .contains("-Port " + tarpit.getLocalPort()).doesNotContain("<peer>");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * Found in review: the text table of a silent peer showed "0 ms" beside "timeout" for the versions that were
     * not retried, and cut their detail before "not retried". The JSON was right.
     */
    @Test
    void theTextTableOfASilentPeerShowsTheRealTimeoutAndTheWholeDetail() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!tarpit.isClosed()) {
                        held.add(tarpit.accept());
                    }
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Kb kb = Kb.run("probe", "127.0.0.1:" + tarpit.getLocalPort(), "--reply-timeout", "1000");
            List<String> table = kb.out().lines().dropWhile(l -> !l.startsWith("Probe of ")).toList();
            assertThat(table).as(kb.out()).isNotEmpty();
            String tried = table.stream().filter(l -> l.strip().startsWith("TLS 1.0")).findFirst().orElseThrow();
            java.util.regex.Matcher ms = java.util.regex.Pattern.compile("timeout\\s+(\\d+) ms").matcher(tried);
            assertThat(ms.find()).as(tried).isTrue();
            assertThat(Long.parseLong(ms.group(1))).as(tried).isBetween(1000L, 3000L);
            for (String v : new String[] {"TLS 1.1", "TLS 1.2", "TLS 1.3"}) {
                String row = table.stream().filter(l -> l.strip().startsWith(v)).findFirst().orElseThrow();
                assertThat(row).as(kb.out()).doesNotContain(" 0 ms").contains("not run");
            }
            String joined = String.join(" ", table).replaceAll("\\s+", " ");
            assertThat(joined).contains("no reply within 1 s")
                    .contains("(not retried: the TLS 1.0 connection failed before TLS)")
                    .doesNotContain("...");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void badTimeoutIsAUsageError() {
        assertThat(Kb.run("probe", "127.0.0.1:1", "--reply-timeout", "5").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
