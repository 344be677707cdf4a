package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded fuzz campaign in the build, small on purpose (bench/fuzz.sh runs the long one): for every input
 * kind (archives included), mutations of the real sample files (bit flips, truncation, NULs, a 2 MB line, wrong encodings, garbage,
 * repetition) and, for bundles and knowledge, hand-made hostile documents ({@link FuzzCases}). Each case runs the
 * real CLI entry point and must end with exit 0, 1 or 2, no stack trace or Java name on stderr, and an exit-2
 * message that names the file. The watchdog is generous and only turns a hang into a failure; nothing is timed.
 * Archive bombs here are small on disk (64 MiB inflated); bench/fuzz.sh runs gigabyte ones.
 */
class HostileInputFuzzTest {

    static final int CASES_PER_KIND = 24;

    static Stream<Arguments> cases() {
        return Stream.of(FuzzCases.Kind.values()).flatMap(k -> IntStream.range(0, CASES_PER_KIND)
                .mapToObj(i -> Arguments.of(k, (long) (k.ordinal() + 1) * 1000 + i)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void hostileInputEndsWithAnExitCodeAndOneLineNamingTheFile(FuzzCases.Kind kind, long seed, @TempDir Path dir)
            throws Exception {
        FuzzCases.Case c = FuzzCases.build(kind, seed, dir);
        Kb kb = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Kb.run(c.args()),
                "watchdog: " + kind + " seed " + seed + " did not end");
        assertThat(FuzzCases.verdict(c, kb)).as("%s seed %d: exit %d, stderr: %s", kind, seed, kb.exit(), kb.err())
                .isNull();
    }
}
