package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.MissingEvidence;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows release table (release names, build ranges, SChannel defaults) is knowledge data: the shipped rows
 * decide the OS defaults and HostProfile.windowsRelease, a user folder's row replaces a shipped one, and a bad row
 * is reported at its file and line.
 */
class WindowsReleasesTest {

    static final String HEADER = "knowledgeVersion: 1\nwindowsReleases:\n";

    static Diagnosis diagnose(Diagnostician kb, String product, int build) {
        HostProfile host = new HostProfile(product, build, null, "15.1.2507.6", null, "EX", Bundles.AT);
        return kb.diagnose(Bundles.of(host, Bundles.schannelTree()));
    }

    static List<String> ids(Diagnosis d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    @Test
    void theShippedTableLeavesTls12OffByDefaultOn2008R2AndOnOn2016() {
        Diagnostician kb = Diagnostician.load();
        Diagnosis r2 = diagnose(kb, "Windows Server 2008 R2 Standard", 7601);
        assertThat(ids(r2)).contains("tls12-client-disabled");
        assertThat(r2.findings()).filteredOn(f -> f.id().equals("tls12-client-disabled")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).anyMatch(e -> e.fact().contains(
                        "so the Windows Server 2008 R2 default applies (off by default)")));
        assertThat(ids(diagnose(kb, "Windows Server 2016 Standard", 14393))).doesNotContain("tls12-client-disabled");
    }

    @Test
    void aUserRowReplacesTheShippedDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("releases.yaml"), HEADER
                + "  - {release: Windows Server 2008 R2, firstBuild: 7600, lastBuild: 7601, tls10: enabled,\n"
                + "     tls11: enabled, tls12: enabled, tls13: unsupported, tags: [S17]}\n");
        Diagnosis r2 = diagnose(Diagnostician.load(List.of(dir)), "Windows Server 2008 R2 Standard", 7601);
        assertThat(ids(r2)).doesNotContain("tls12-client-disabled");
    }

    @Test
    void aUserRowMovesTheBuildRangeTheWindowsReleaseFieldReads(@TempDir Path dir) throws Exception {
        // no product name: the build decides; the shipped 14393 is Server 2016, which needs no WinHTTP values
        Diagnostician shipped = Diagnostician.load();
        assertThat(diagnose(shipped, null, 14393).missingEvidence()).extracting(MissingEvidence::what)
                .noneMatch(w -> w.contains("WinHTTP DefaultSecureProtocols"));
        Files.writeString(dir.resolve("releases.yaml"), HEADER
                + "  - {release: Windows Server 2012, firstBuild: 9200, lastBuild: 14393, tls10: enabled,\n"
                + "     tls11: enabled, tls12: enabled, tls13: unsupported, tags: [S17]}\n");
        assertThat(diagnose(Diagnostician.load(List.of(dir)), null, 14393).missingEvidence())
                .extracting(MissingEvidence::what).anyMatch(w -> w.contains("WinHTTP DefaultSecureProtocols"));
    }

    @Test
    void aBadRowIsReportedAtItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("releases.yaml"), HEADER
                + "  - {release: Windows Server 2016, firstBuild: 14393, lastBuild: 14393, tls10: enabled,\n"
                + "     tls11: enabled, tls12: enabled, tls13: unsupported, tags: [S17]}\n"
                + "  - {release: Windows Server 2019, firstBuild: 17763, lastBuild: 17763, tls10: on,\n"
                + "     tls11: enabled, tls12: enabled, tls13: unknown, tags: [S17]}\n");
        KnowledgeException e = catchThrowableOfType(() -> Diagnostician.load(List.of(dir)), KnowledgeException.class);
        assertThat(e).as("a bad row must be refused").isNotNull();
        assertThat(e.problems()).extracting(KnowledgeProblem::line).containsOnly(5);
        assertThat(e.problems()).extracting(KnowledgeProblem::file).allMatch(f -> f.endsWith("releases.yaml"));
        assertThat(e.problems()).extracting(KnowledgeProblem::message).containsExactlyInAnyOrder(
                "windowsReleases: Windows Server 2019: tls10 'on' is not one of enabled, disabled-by-default, "
                        + "unsupported, unknown",
                "windowsReleases: Windows Server 2019: an unknown default needs a note saying why");
    }
}
