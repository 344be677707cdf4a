package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.cli.HeadStart.Work;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the jar's entry point begins early: only what the command will use (HeadStartIT: and never what it prints). */
class HeadStartTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "diagnose --example tls12-client-disabled-export --format json | RULE_ENGINE JSON_SERIALIZERS",
            "diagnose bundle.yaml | RULE_ENGINE",
            "diagnose --format=json --batch dir | RULE_ENGINE JSON_SERIALIZERS",
            "diagnose --format text -o json | RULE_ENGINE",
            "diagnose --knowledge mine --example x --format json | JSON_SERIALIZERS",
            "diagnose --knowledge=mine bundle.yaml | ''",
            "diagnose @arguments.txt | ''",
            "diagnose --help | ''",
            "diagnose --format json -V | ''",
            "diagnose -- --knowledge | RULE_ENGINE",
            "diagnose bundle.yaml -- --format json | RULE_ENGINE",
            "collect --registry a.reg | ''",
            "rules test | ''",
            "--version | ''",
            "help diagnose | ''"})
    void beginsOnlyWhatTheCommandWillUse(String commandLine, String expected) {
        Set<Work> want = expected.isBlank() ? EnumSet.noneOf(Work.class)
                : Arrays.stream(expected.split(" ")).map(Work::valueOf).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(Work.class)));
        assertThat(HeadStart.plan(commandLine.split(" "))).isEqualTo(want);
    }
}
