package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb rules test DIR} reads example inputs only from inside DIR: not through "..", not through a link. */
class RulesTestContainmentTest {

    static final Path SHIPPED = Path.of(System.getProperty("kb.knowledge.dir"));

    static Path knowledge(Path dir, String input) throws Exception {
        Path k = Files.createDirectories(dir.resolve("my-knowledge"));
        Files.writeString(k.resolve("examples.yaml"), "knowledgeVersion: 1\nexamples:\n  - name: user-example\n"
                + "    inputs: ['" + input + "']\n    expect: [tls12-client-disabled]\n");
        return k;
    }

    @Test
    void dotDotOutOfTheFolderIsRefusedNamingTheExampleAndThePath(@TempDir Path dir) throws Exception {
        Path k = knowledge(dir, "registry:../../../../../../../../etc/passwd");
        Kb kb = Kb.run("rules", "test", k.toString());
        assertThat(kb.exit()).as(kb.out() + kb.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(kb.err().strip().lines()).singleElement().asString()
                .contains("example user-example", "/etc/passwd", "outside the knowledge folder")
                .doesNotContain("root:x:0:0");
        assertThat(kb.out()).doesNotContain("root:");
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsRefused(@TempDir Path dir) throws Exception {
        Path k = knowledge(dir, "registry:host.reg");
        Files.createSymbolicLink(k.resolve("host.reg"), Path.of("/etc/passwd"));
        Kb kb = Kb.run("rules", "test", k.toString());
        assertThat(kb.exit()).as(kb.out() + kb.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(kb.err()).contains("example user-example", "host.reg", "/etc/passwd", "outside the knowledge folder");
    }

    @Test
    void inputsInsideTheFolderStillRun(@TempDir Path dir) throws Exception {
        Path k = knowledge(dir, "examples/bundle.yaml");
        Files.createDirectories(k.resolve("examples"));
        Files.copy(SHIPPED.resolve("tls-deprecation/findings/tls12-client-disabled/examples/tls12-client-disabled.yaml"), k.resolve("examples/bundle.yaml"));
        Kb kb = Kb.run("rules", "test", k.toString());
        assertThat(kb.out()).contains("ok   user-example");
        assertThat(kb.exit()).as(kb.out() + kb.err()).isZero();
    }
}
