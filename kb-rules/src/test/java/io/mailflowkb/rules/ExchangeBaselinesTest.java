package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Exchange build baselines are the build table's firstWith marks: knowledge data, not Java constants. */
class ExchangeBaselinesTest {

    static final String CU8 = "15.1.1415.2";

    static List<String> ids(Diagnostician kb, String build) {
        return kb.diagnose(Bundles.of(Bundles.host("Windows Server 2016 Standard", 14393, build, "EX16")))
                .findings().stream().map(Finding::id).toList();
    }

    @Test
    void theShippedTableMakesExchange2016Cu8TheFirstTls12Build() {
        Diagnostician kb = Diagnostician.load();
        assertThat(ids(kb, CU8)).doesNotContain("exchange-build-lacks-tls12");
        assertThat(ids(kb, "15.1.1413.9")).contains("exchange-build-lacks-tls12");
    }

    @Test
    void aUserFolderThatMovesTheMarkMovesTheBaseline(@TempDir Path dir) throws Exception {
        // a later folder's row replaces the shipped one of the same build: CU8 loses its mark, CU9 gets it
        Files.writeString(dir.resolve("builds.yaml"), "knowledgeVersion: 1\nexchangeBuilds:\n"
                + "  - {build: " + CU8 + ", product: Exchange Server 2016, name: CU8, tag: S56}\n"
                + "  - {build: 15.1.1466.3, product: Exchange Server 2016, name: CU9, tag: S56, firstWith: [tls12-smtp]}\n");
        Diagnostician kb = Diagnostician.load(List.of(dir));
        Finding f = kb.diagnose(Bundles.of(Bundles.host("Windows Server 2016 Standard", 14393, CU8, "EX16")))
                .findings().stream().filter(x -> x.id().equals("exchange-build-lacks-tls12")).findFirst().orElseThrow();
        assertThat(f.evidence()).anyMatch(e -> e.fact().contains("is below CU9 (15.1.1466.3), the first build that uses "
                + "TLS 1.2 on SMTP"));
        assertThat(ids(kb, "15.1.1466.3")).doesNotContain("exchange-build-lacks-tls12");
    }

    @Test
    void anUnknownMarkIsAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("builds.yaml"), "knowledgeVersion: 1\nexchangeBuilds:\n"
                + "  - {build: 15.1.1466.3, product: Exchange Server 2016, name: CU9, tag: S56, firstWith: [tls12]}\n");
        try {
            Diagnostician.load(List.of(dir));
            throw new AssertionError("accepted");
        } catch (KnowledgeException e) {
            assertThat(e.problems()).extracting(KnowledgeProblem::message).singleElement().asString()
                    .contains("firstWith 'tls12' is not one of tls12-smtp, tls13");
        }
    }
}
