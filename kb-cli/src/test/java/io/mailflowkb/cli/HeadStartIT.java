package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged jar's own entry point begins the knowledge load and the JSON serializers on other threads before
 * parsing (HeadStart); what it prints must be byte for byte what the same command prints in-process, where nothing
 * is begun early. A seeded sample of the bundled examples, in JSON and text, plus the benchmark's example.
 */
class HeadStartIT {

    static Stream<Arguments> examples() {
        List<String> names = new ArrayList<>(Kb.run("diagnose", "--example").out().lines().toList());
        assertThat(names).hasSizeGreaterThan(10);
        long seed = 17;
        Collections.shuffle(names, new Random(seed));
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("bench", "tls12-client-disabled-export", "json"));
        for (int i = 0; i < 6; i++) {
            cases.add(Arguments.of("seed " + seed + " #" + i, names.get(i), i % 3 == 2 ? "text" : "json"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} --format {2}")
    @MethodSource("examples")
    void theJarPrintsWhatTheInProcessRunPrints(String sample, String example, String format) throws Exception {
        ShadedJarIT.Run jar = ShadedJarIT.java("-jar", ShadedJarIT.jar(), "diagnose", "--example", example,
                "--format", format);
        Kb inProcess = Kb.run("diagnose", "--example", example, "--format", format);
        assertThat(jar.err()).isEqualTo(inProcess.err());
        assertThat(jar.out()).isEqualTo(inProcess.out()).isNotEmpty();
        assertThat(jar.exit()).isEqualTo(inProcess.exit());
    }

    @Test
    void anUnknownExampleIsTheSameOneLineUsageError() throws Exception {
        ShadedJarIT.Run jar = ShadedJarIT.java("-jar", ShadedJarIT.jar(), "diagnose", "--example", "no-such-example",
                "--format", "json");
        Kb inProcess = Kb.run("diagnose", "--example", "no-such-example", "--format", "json");
        assertThat(jar.exit()).isEqualTo(ExitCode.BAD_INPUT).isEqualTo(inProcess.exit());
        assertThat(jar.err()).isEqualTo(inProcess.err()).contains("no example named 'no-such-example'");
        assertThat(jar.out()).isEmpty();
    }
}
