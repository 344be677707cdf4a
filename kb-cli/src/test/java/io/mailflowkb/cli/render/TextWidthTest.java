package io.mailflowkb.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.rules.Diagnostician;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text report wraps prose at the width it is given and never splits a command that must be copied. */
class TextWidthTest {

    static Diagnosis diagnosis;

    @BeforeAll
    static void diagnose() {
        diagnosis = Diagnostician.load().diagnose(BundleCodec.read(Path.of("src/test/resources/reports/broken-ex01.yaml")));
    }

    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {40, 60, 80, 100, 132})
    void proseFitsAndCommandsStayWhole(int width) {
        String out = new TextRenderer(false, width).render(diagnosis);
        Set<String> commands = diagnosis.findings().stream().map(Finding::remediation).flatMap(List::stream)
                .map(RemediationStep::commands).flatMap(List::stream).collect(Collectors.toSet());
        assertThat(commands).isNotEmpty();
        Set<String> lines = out.lines().map(String::strip).collect(Collectors.toSet());
        assertThat(lines).as("every command on one line of its own").containsAll(commands);
        assertThat(diagnosis.missingEvidence()).isNotEmpty();
        diagnosis.missingEvidence().forEach(m -> assertThat(lines).as("how to collect it, on one line")
                .contains("How: " + m.how().strip().replaceAll("\\s+", " ")));
        for (String line : out.lines().toList()) {
            boolean command = commands.contains(line.strip()) || line.startsWith("    How: ");
            // a word that cannot be broken (a path, a URL, a time stamp) may end a line past the width
            List<String> pieces = ProseTokens.of(line);
            boolean unbreakable = pieces.get(pieces.size() - 1).length() > width / 2;
            if (!command && !unbreakable) {
                assertThat(line.length()).as("line at width %d: %s", width, line).isLessThanOrEqualTo(width);
            }
        }
    }

    @Test
    void widerTerminalGivesFewerLinesAndNarrowOnesAreClampedTo40() {
        long at80 = new TextRenderer(false, 80).render(diagnosis).lines().count();
        long at132 = new TextRenderer(false, 132).render(diagnosis).lines().count();
        assertThat(at132).isLessThan(at80);
        assertThat(new TextRenderer(false, 10).render(diagnosis)).isEqualTo(new TextRenderer(false, 40).render(diagnosis));
        assertThat(new TextRenderer(false).render(diagnosis)).isEqualTo(new TextRenderer(false, 80).render(diagnosis));
    }

    /**
     * Found in review: prose split a registry path at the space of a key name ("...\\Protocols\\TLS" then
     * "1.2\\Client" on the next line). At every width, no line may end inside "TLS 1.2" of a path, and the
     * "Do this first" path must be on one line.
     */
    @Test
    void registryPathsInProseAreNeverSplitAtTheSpaceOfAKeyName() {
        for (int width = 40; width <= 140; width++) {
            List<String> lines = new TextRenderer(false, width).render(diagnosis).lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String line = lines.get(i).stripTrailing();
                String next = lines.get(i + 1).strip();
                boolean splitPath = line.matches(".*\\\\(TLS|SSL)") && next.matches("\\d\\.\\d.*")
                        || line.matches(".*\\\\NET") && next.startsWith("Framework")
                        || line.matches(".*\\\\Windows") && next.startsWith("NT\\");
                assertThat(splitPath).as("width %d, lines %d-%d:%n%s%n%s", width, i + 1, i + 2, line, next).isFalse();
            }
            assertThat(lines).as("width %d", width).anyMatch(l -> l.contains(
                    "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client"));
        }
    }
}
