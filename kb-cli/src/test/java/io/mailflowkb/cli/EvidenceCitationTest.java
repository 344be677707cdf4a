package io.mailflowkb.cli;

import static io.mailflowkb.cli.NeverSilentAcceptanceTest.RAW;
import static io.mailflowkb.cli.NeverSilentAcceptanceTest.finding;
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
 * Each place is cited once, and by what names it: a protocol log line that is both a failed TLS negotiation and a
 * symptom is one evidence line; events that share a line (wevtutil writes an export as one line) are told apart by
 * their EventRecordID.
 */
class EvidenceCitationTest {

    static JsonNode diagnose(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("diagnose"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        Kb kb = Kb.run(all.toArray(String[]::new));
        assertThat(kb.err()).isEmpty();
        return Mappers.json().readTree(kb.out());
    }

    static List<String> sources(JsonNode finding) {
        List<String> out = new ArrayList<>();
        finding.get("evidence").forEach(e -> out.add(e.get("source").asText()));
        return out;
    }

    @Test
    void aLogLineThatIsTlsOutcomeAndSymptomIsCitedOnce() throws Exception {
        JsonNode d = diagnose("--logs", RAW.resolve("logs-socketerror").toString());
        JsonNode f = finding(d, "tls12-client-disabled");
        List<String> lines = sources(f).stream().filter(s -> s.endsWith("SEND20240301-1.LOG:13")).toList();
        assertThat(lines).as(f.toString()).hasSize(1);
        assertThat(sources(f)).as("still cites the queue and the correlation notes")
                .anySatisfy(s -> assertThat(s).endsWith("get-queue.txt:5")).contains("correlation");
    }

    @Test
    void eventsOnOneLineAreCitedByRecordId(@TempDir Path tmp) throws Exception {
        // wevtutil qe /f:xml writes the events back to back without line breaks: the fixture's three events, joined
        String joined = Files.readString(RAW.resolve("events/schannel-36874-ex19.xml")).replace("\r", "")
                .replace("\n", "");
        Path events = tmp.resolve("schannel-events.xml");
        Files.writeString(events, joined);
        Path ciphers = RAW.resolve("../../findings/cipher-suite-mismatch/examples/cat-ciphers-gpo.reg");
        JsonNode d = diagnose(ciphers.toString(), events.toString());
        JsonNode f = finding(d, "cipher-suite-mismatch");
        List<String> facts = new ArrayList<>();
        f.get("evidence").forEach(e -> facts.add(e.get("fact").asText()));
        assertThat(facts).anySatisfy(t -> assertThat(t).startsWith("Schannel event 36874")
                .contains("(Schannel 36874 record 90311)").contains("2 times")
                .contains("also " + events + ":1 record 90330"));
        assertThat(facts).allSatisfy(t -> assertThat(t).doesNotContain(events + ":1, " + events + ":1"));
    }
}
