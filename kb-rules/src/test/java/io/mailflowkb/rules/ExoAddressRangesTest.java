package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mailflowkb.model.spi.ExoAddressRanges;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exchange Online's published address ranges are knowledge data: the caller hands them to collectors with the
 * compiled symptoms, a user folder adds ranges, a bad row is reported at its file and line, and kb-model's
 * fallback for programs that pass none is the shipped table.
 */
class ExoAddressRangesTest {

    static final String HEADER = "knowledgeVersion: 1\nexoAddressRanges:\n";

    @Test
    void theFallbackForProgramsThatPassNoTableIsTheShippedTable() {
        ExoAddressRanges shipped = Diagnostician.loadKnowledge(List.of()).exoAddressRanges();
        assertThat(shipped.ranges()).isEqualTo(ExoAddressRanges.PUBLISHED.ranges());
        assertThat(shipped.source()).endsWith("exo-address-ranges.yaml");
    }

    @Test
    void aUserFolderAddsARangeTheCollectorsReceive(@TempDir Path dir) throws Exception {
        assertThat(Diagnostician.load().compiledSymptoms().exoAddressRanges().contains("95.10.20.33")).isFalse();
        Files.writeString(dir.resolve("ranges.yaml"), HEADER
                + "  - {range: 95.10.20.0/24, source: \"https://example.org/published-ranges\"}\n");
        ExoAddressRanges given = Diagnostician.load(List.of(dir)).compiledSymptoms().exoAddressRanges();
        assertThat(given.contains("95.10.20.33")).isTrue();
        assertThat(given.contains("40.107.1.1")).as("the shipped ranges stay").isTrue();
        assertThat(given.source()).contains("ranges.yaml");
    }

    @Test
    void aBadRowIsReportedAtItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ranges.yaml"), HEADER
                + "  - {range: 95.10.20.0/24, source: \"https://example.org/published-ranges\"}\n"
                + "  - {range: 95.10.20.0/40, source: \"https://example.org/published-ranges\"}\n"
                + "  - {range: 95.10.21.0/24}\n");
        KnowledgeException e = catchThrowableOfType(() -> Diagnostician.loadKnowledge(List.of(dir)),
                KnowledgeException.class);
        assertThat(e).as("a bad row must be refused").isNotNull();
        assertThat(e.problems()).extracting(KnowledgeProblem::line).containsExactly(4, 5);
        assertThat(e.problems()).extracting(KnowledgeProblem::message).containsExactly(
                "exoAddressRanges: '95.10.20.0/40' is not an address range like 40.92.0.0/15",
                "exoAddressRanges: 95.10.21.0/24 needs the https page that publishes it (source)");
    }
}
