package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's cases as a new user met them, rebuilt from raw files in real formats (a receive protocol log, a
 * wevtutil XML export, an Exchange Online message trace CSV, regedit exports in UTF-16LE): each gives the named
 * finding with the confidence it deserves, cites the events, and asks for the export that would confirm it.
 */
class NeverSilentAcceptanceTest {

    static final Path RAW = Path.of(System.getProperty("kb.knowledge.dir"), "tls-deprecation/examples/raw");

    static JsonNode diagnose(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "diagnose";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--format";
        all[args.length + 2] = "json";
        Kb kb = Kb.run(all);
        assertThat(kb.err()).isEmpty();
        assertThat(kb.exit()).as("never exit 0 over a failure").isEqualTo(ExitCode.FINDINGS);
        return Mappers.json().readTree(kb.out());
    }

    static JsonNode finding(JsonNode d, String id) {
        for (JsonNode f : d.get("findings")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError(id + " not in " + d.get("findings"));
    }

    @Test
    void receiveLogFromExchangeOnlineAndSchannel36888AreTls12ServerDisabledWithLowerConfidence() throws Exception {
        Path log = RAW.resolve("../../findings/tls12-server-disabled/examples/logs-inbound-exo-socketerror/RECV2025030406-1.LOG");
        Path events = RAW.resolve("events/schannel-36888-inbound-ex01.xml");
        JsonNode d = diagnose("--logs", log.toString(), "--events", events.toString());
        JsonNode f = finding(d, "tls12-server-disabled");
        assertThat(f.get("confidence").asText()).isEqualTo("lower");
        String evidence = f.get("evidence").toString();
        assertThat(evidence).contains("RECV2025030406-1.LOG:13").contains("3 times")
                .contains("schannel-36888-inbound-ex01.xml:1").contains("AlertDesc=70");
        assertThat(d.get("findings").toString()).doesNotContain("unexplained-symptom");
        assertThat(d.get("missingEvidence").toString()).contains("reg export")
                .contains("SecurityProviders\\\\SCHANNEL");
    }

    @Test
    void messageTraceDeferIsTls12ServerDisabledAndAsksForTheReceiveLogAndRegistry() throws Exception {
        JsonNode d = diagnose("--logs", RAW.resolve("../../findings/tls12-server-disabled/examples/trace-exo-socketerror/message-trace-detail.csv").toString());
        JsonNode f = finding(d, "tls12-server-disabled");
        assertThat(f.get("confidence").asText()).isEqualTo("lower");
        assertThat(f.get("evidence").toString()).contains("450 4.4.317 Cannot connect to remote server");
        assertThat(d.get("missingEvidence").toString()).contains("SmtpReceive").contains("SCHANNEL");
    }

    @Test
    void partialExportOfServer2022WithExchange2019Cu12IsTls13WithLowerConfidenceAndAsksForSchannel() throws Exception {
        Path dir = RAW.resolve("../../findings/tls13-unsupported-enabled/examples/partial-2022");
        JsonNode d = diagnose("--registry", dir.resolve("tls12.reg").toString(), "--registry",
                dir.resolve("windows.reg").toString(), "--registry", dir.resolve("exchange.reg").toString());
        JsonNode f = finding(d, "tls13-unsupported-enabled");
        assertThat(f.get("confidence").asText()).isEqualTo("lower");
        boolean asked = false;
        for (JsonNode m : d.get("missingEvidence")) {
            asked |= m.get("what").asText().contains("whole SCHANNEL key") && m.get("why").asText().contains("TLS 1.3")
                    && m.get("how").asText().contains("reg export \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\"");
        }
        assertThat(asked).as("Collect next names the SCHANNEL export and why: %s", d.get("missingEvidence")).isTrue();
        assertThat(d.get("findings").toString()).doesNotContain("tls12-client-disabled");
    }

    @Test
    void aFindingProvedByTheRegistryHasHighConfidence() throws Exception {
        JsonNode d = diagnose("--registry", RAW.resolve("ex01-schannel.reg").toString(), "--registry",
                RAW.resolve("ex01-host.reg").toString());
        JsonNode f = finding(d, "tls12-client-disabled");
        assertThat(f.get("confidence").asText()).isEqualTo("high");
        assertThat(f.get("remediation").get(0).get("text").asText()).as("Exchange 2016 CU23 is above the baseline")
                .startsWith("Enable TLS 1.2");
    }
}
