package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's acceptance: kb probe against two real Postfix instances on 127.0.0.1 (legacy TLS 1.0/1.1 only, modern
 * TLS 1.2/1.3). Started through the project's own script; skipped with the script's reason when that fails.
 */
class ProbePostfixAcceptanceTest {

    static final Map<String, String> PORTS = new LinkedHashMap<>();
    static final Path CA = Path.of(System.getenv().getOrDefault("KB_POSTFIX_DIR",
            System.getProperty("java.io.tmpdir") + "/kb-postfix"), "ca.pem");

    @BeforeAll
    static void startPostfix() throws Exception {
        Path script = Path.of(System.getProperty("kb.knowledge.dir")).getParent().resolve("tools/test-servers/postfix.sh");
        Process p = new ProcessBuilder("bash", script.toString(), "start").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        for (String line : out.lines().toList()) {
            String[] f = line.split(" ");
            if (f.length == 2 && f[1].startsWith("127.0.0.1:")) {
                PORTS.put(f[0], f[1]);
            }
        }
        Assumptions.assumeTrue(done && p.exitValue() == 0 && PORTS.size() == 2,
                "postfix unavailable: " + out.strip().replace('\n', ' '));
    }

    static JsonNode probe(String target) throws Exception {
        // the test servers' certificate comes from the script's private CA: trust it as an admin trusts an internal CA
        Kb kb = Kb.run("probe", target, "--format", "json", "--reply-timeout", "5000", "--trust-ca", CA.toString());
        assertThat(kb.err()).isEmpty();
        JsonNode d = Mappers.json().readTree(kb.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) d).put("exit", kb.exit());
        return d;
    }

    static List<String> matrix(JsonNode d) {
        List<String> rows = new ArrayList<>();
        d.get("probes").forEach(p -> rows.add(p.get("tlsVersion").asText() + " " + p.get("outcome").asText()));
        return rows;
    }

    @Test
    void legacyInstanceIsPeerLegacyTlsOnlyWithThePerVersionTable() throws Exception {
        JsonNode d = probe(PORTS.get("legacy"));
        assertThat(matrix(d)).containsExactly("TLS 1.0 ok", "TLS 1.1 ok", "TLS 1.2 refused", "TLS 1.3 refused");
        List<String> ids = new ArrayList<>();
        d.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).contains("peer-legacy-tls-only");
        assertThat(d.get("exit").asInt()).isEqualTo(ExitCode.FINDINGS);
        assertThat(d.get("probes").get(2).get("detail").asText()).contains("protocol_version");
    }

    @Test
    void modernInstanceHasNothingAtWarningOrAbove() throws Exception {
        JsonNode d = probe(PORTS.get("modern"));
        assertThat(matrix(d)).containsExactly("TLS 1.0 refused", "TLS 1.1 refused", "TLS 1.2 ok", "TLS 1.3 ok");
        d.get("findings").forEach(f -> assertThat(f.get("severity").asText()).isEqualTo("info"));
        assertThat(d.get("exit").asInt()).isEqualTo(ExitCode.OK);
        assertThat(d.get("inputs").toString()).contains("not Windows SChannel");
        assertThat(d.get("certificates").get(0).get("trusted").asBoolean()).isTrue();
    }

    /**
     * Issue 11: a working TLS 1.2/1.3 handshake with a certificate this client does not trust is a warning that
     * says when it matters, addressed to the peer's administrator; never critical, never an Exchange cmdlet for
     * someone else's server.
     */
    @Test
    void withoutTheCaTheSameChainIsAWarningForThePeersAdministrator() throws Exception {
        Kb kb = Kb.run("probe", PORTS.get("modern"), "--format", "json", "--reply-timeout", "5000");
        JsonNode d = Mappers.json().readTree(kb.out());
        assertThat(d.get("certificates").get(0).get("trusted").asBoolean()).isFalse();
        List<String> ids = new ArrayList<>();
        d.get("findings").forEach(f -> ids.add(f.get("id").asText() + " " + f.get("severity").asText()));
        assertThat(ids).contains("peer-certificate-untrusted warning").noneMatch(i -> i.endsWith(" critical"))
                .noneMatch(i -> i.startsWith("tls-certificate-problem"));
        JsonNode finding = null;
        for (JsonNode f : d.get("findings")) {
            if (f.get("id").asText().equals("peer-certificate-untrusted")) {
                finding = f;
            }
        }
        String remediation = finding.get("remediation").toString();
        assertThat(remediation).contains("the administrator of 127.0.0.1").contains("CertificateValidation")
                .doesNotContain("Enable-ExchangeCertificate").contains("kb probe " + PORTS.get("modern"));
        assertThat(kb.exit()).isEqualTo(ExitCode.FINDINGS);
    }
}
