package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command chooses its knowledge folders the same way: a checkout's {@code knowledge/} given first stands in for
 * the packaged copy (before, only {@code kb rules} knew that; {@code diagnose} and {@code collect-script} reported
 * every shipped id as defined twice), and a plain folder adds to it.
 */
class KnowledgeFoldersTest {

    static final Path CHECKOUT = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge")).toAbsolutePath();

    @Test
    void aCheckoutsKnowledgeReplacesThePackagedCopyInEveryCommand() {
        Kb packaged = Kb.run("diagnose", "--example", "tls12-client-disabled", "--format", "json");
        Kb checkout = Kb.run("diagnose", "--example", "tls12-client-disabled", "--format", "json",
                "--knowledge", CHECKOUT.toString());
        assertThat(checkout.err()).isEmpty();
        assertThat(checkout.exit()).isEqualTo(ExitCode.FINDINGS);
        // the same findings, evidence and rule citations; only the example's own path (inputs) names another folder
        assertThat(findings(checkout)).isEqualTo(findings(packaged)).contains("\"id\":\"tls12-client-disabled\"");

        Kb script = Kb.run("collect-script", "--shell", "powershell", "--knowledge", CHECKOUT.toString());
        assertThat(script.err()).isEmpty();
        assertThat(script.out()).isEqualTo(Kb.run("collect-script", "--shell", "powershell").out()).isNotEmpty();

        Kb list = Kb.run("rules", "list", CHECKOUT.toString());
        assertThat(list.out()).isEqualTo(Kb.run("rules", "list").out());
    }

    private static String findings(Kb kb) {
        try {
            return io.mailflowkb.model.bundle.Mappers.json().readTree(kb.out()).get("findings").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPlainFolderAddsToThePackagedKnowledge(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), """
                knowledgeVersion: 1
                findings:
                  - id: my-own-finding
                    severity: info
                    direction: local
                    title: "My own finding"
                    when:
                      - fact: HostProfile
                    remediation:
                      - text: "Nothing to do."
                    references:
                      - {title: "House rules", url: "https://example.com/house"}
                """);
        Kb list = Kb.run("rules", "list", dir.toString());
        assertThat(list.err()).isEmpty();
        assertThat(list.out()).contains("my-own-finding").contains("tls12-client-disabled");
        // the same folder given as the second folder, after a checkout's knowledge/, is a user folder too
        assertThat(Kb.run("rules", "list", CHECKOUT.toString(), dir.toString()).out()).isEqualTo(list.out());
    }
}
