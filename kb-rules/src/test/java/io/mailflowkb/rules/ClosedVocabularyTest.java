package io.mailflowkb.rules;

import static io.mailflowkb.rules.HostileKnowledgeTest.HEADER;
import static io.mailflowkb.rules.HostileKnowledgeTest.finding;
import static io.mailflowkb.rules.HostileKnowledgeTest.problems;
import static io.mailflowkb.rules.HostileKnowledgeTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.rules.knowledge.KnowledgeProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fields that hold a closed vocabulary (direction, peer class, TLS result, protocol state and basis, Exchange TLS
 * support) take only its spellings in knowledge conditions: anything else is a problem at the condition's file and
 * line, listing what is allowed, instead of a condition that silently never matches.
 */
class ClosedVocabularyTest {

    @Test
    void aValueOutsideTheVocabularyIsAProblemAtItsLine(@TempDir Path dir) throws Exception {
        write(dir, HEADER + finding("t", "          - {field: direction, op: equals, value: sideways}\n"));
        List<KnowledgeProblem> problems = problems(dir);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("user.yaml");
            assertThat(p.line()).isEqualTo(10); // the condition's line: header 1, findings 2, ..., where 9
            assertThat(p.message()).contains("Symptom.direction equals")
                    .contains("'sideways' is not one of outbound, inbound or unknown");
        });
    }

    @Test
    void everyValueOfAListIsChecked(@TempDir Path dir) throws Exception {
        write(dir, HEADER + finding("t",
                "          - {field: peerClass, op: in, values: [exchange-online, exchange-onprem]}\n"));
        assertThat(problems(dir)).extracting(KnowledgeProblem::message).singleElement().asString()
                .contains("'exchange-onprem' is not one of exchange-online, other or unknown");
    }

    @Test
    void textOperatorsDoNotApplyToAChoice(@TempDir Path dir) throws Exception {
        write(dir, HEADER + finding("t", "          - {field: direction, op: contains, value: out}\n"));
        assertThat(problems(dir)).extracting(KnowledgeProblem::message).singleElement().asString()
                .contains("operator contains does not apply to Symptom.direction (choice)");
    }

    @Test
    void derivedVocabulariesAreClosedToo(@TempDir Path dir) throws Exception {
        write(dir, HEADER + "findings:\n  - id: user-finding\n    severity: warning\n    direction: local\n"
                + "    title: t\n    when:\n      - fact: ProtocolState\n        where:\n"
                + "          - {field: state, op: equals, value: on-by-default}\n"
                + "      - fact: ExchangeBaseline\n        where:\n"
                + "          - {field: tls12, op: equals, value: maybe}\n"
                + "    remediation:\n      - text: do it\n    references:\n      - {title: ref, url: 'https://example.com/x'}\n");
        assertThat(problems(dir)).extracting(KnowledgeProblem::message)
                .anySatisfy(m -> assertThat(m).contains("'on-by-default' is not one of enabled, disabled, disabled-by-default or unknown"))
                .anySatisfy(m -> assertThat(m).contains("'maybe' is not one of supported, unsupported or unknown"));
    }

    @Test
    void aSymptomDefinitionsDirectionIsChecked(@TempDir Path dir) throws Exception {
        write(dir, HEADER + "symptoms:\n  - id: user-symptom\n    title: user symptom\n    literals: ['user text']\n"
                + "    direction: both\n");
        assertThat(problems(dir)).extracting(KnowledgeProblem::message).singleElement().asString()
                .contains("symptom user-symptom: direction 'both' is not one of outbound, inbound or unknown");
    }

    /** The spelling is matched ignoring case, as the text comparison before these fields were typed did. */
    @Test
    void aSpellingInAnotherCaseStillMatchesItsValue(@TempDir Path dir) throws Exception {
        write(dir, HEADER + HostileKnowledgeTest.SYMPTOM + finding("user finding", "          - {field: id, op: equals, value: user-symptom}\n"
                + "          - {field: direction, op: equals, value: Outbound}\n"));
        Diagnostician kb = Diagnostician.load(List.of(dir));
        Symptom outbound = new Symptom("user-symptom", "user text", FlowDirection.OUTBOUND, PeerClass.OTHER, null, 1,
                null, null, List.of(Provenance.of("q.txt", 3)));
        Symptom inbound = new Symptom("user-symptom", "user text", FlowDirection.INBOUND, PeerClass.OTHER, null, 1,
                null, null, List.of(Provenance.of("q.txt", 3)));
        assertThat(kb.diagnose(Bundles.of(outbound)).findings()).extracting(f -> f.id()).contains("user-finding");
        assertThat(kb.diagnose(Bundles.of(inbound)).findings()).extracting(f -> f.id()).doesNotContain("user-finding");
    }
}
