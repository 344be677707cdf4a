package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12's reproducers end to end through {@code kb}: each ends with its one-line result. */
class HostileEvidenceCliTest {

    /**
     * A symptom regex that killed the JVM (StackOverflowError, exit 1, no output) or hung it, run by the log
     * collector over a log whose line is 5,000 (or 1,000) characters: the symptom is found or not, as it should be.
     */
    @ParameterizedTest(name = "[{index}] {0} on {1} chars -> {3}")
    @CsvSource({"(a|aa)+$, 5000, '', true", "(a|a?)+$, 5000, '', true", "(a|aa)+$, 5000, !, false",
            "'((a*)*)*b$', 1000, '', false", "'(.*a){25}$', 5000, '', true", "'(.*a){25}$', 4999, b, false"})
    void symptomRegexBombsOnALogLineGiveTheRightSymptoms(String regex, int as, String tail, boolean found,
                                                        @TempDir Path dir) throws Exception {
        Path k = Files.createDirectories(dir.resolve("k"));
        Files.writeString(k.resolve("bomb.yaml"), "knowledgeVersion: 1\nsymptoms:\n  - id: regex-bomb\n"
                + "    title: bomb\n    regex: '" + regex + "'\n");
        Path log = Files.writeString(dir.resolve("app.log"), "2024-03-01 10:00:00 start\n" + "a".repeat(as)
                + (tail == null ? "" : tail) + "\n");
        Kb kb = assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                Kb.run("collect", "--knowledge", k.toString(), "--logs", log.toString(), "-o", "-"));
        assertThat(kb.exit()).as(kb.err()).isZero();
        assertThat(kb.out().contains("id: regex-bomb")).as(kb.out()).isEqualTo(found);
    }

    @Test
    void aLogLineWithTerminalEscapesIsShownEscapedInTheTextReport(@TempDir Path dir) throws Exception {
        Path queue = dir.resolve("get-queue.txt");
        Files.writeString(queue, "Identity: EX01\\Submission\nLastError : 421 4.4.2 Connection dropped due to SocketError"
                + " \u001b]0;pwned\u0007\u001b[2J\n", StandardCharsets.UTF_8);
        Kb kb = Kb.run("diagnose", "--logs", queue.toString());
        assertThat(kb.exit()).as(kb.err()).isIn(0, 1);
        assertThat(kb.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\x1b]0;pwned\\x07");
    }

    @Test
    void debugShowsTheCauseChainAfterTheOneLine(@TempDir Path dir) throws Exception {
        Path bundle = Files.writeString(dir.resolve("b.yaml"), "schemaVersion: 1\nhost: [a, b]\n");
        Kb plain = Kb.run("diagnose", bundle.toString());
        plain.assertOneLineErrorNaming("b.yaml");
        assertThat(plain.err()).contains("expected a mapping (key: value) at host")
                .doesNotContain("Cannot construct instance").doesNotContain("io.mailflowkb");
        Kb debug = Kb.run("diagnose", "--debug", bundle.toString());
        assertThat(debug.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(debug.err().lines().findFirst()).hasValue(plain.err().strip());
        assertThat(debug.err()).contains("MismatchedInputException").contains("\tat ");
    }
}
