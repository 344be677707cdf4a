package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Completion is generated from the live command model; every command's --help teaches with examples. */
class CompletionAndHelpTest {

    @Test
    void completionScriptKnowsCommandsOptionsAndFormats() {
        Kb kb = Kb.run("completion");
        assertThat(kb.exit()).isZero();
        assertThat(kb.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "diagnose", "--batch",
                "--format", "markdown", "html", "completion");
    }

    @ParameterizedTest(name = "kb {0} --help")
    @ValueSource(strings = {"diagnose", "collect", "rules", "rules list", "rules show", "rules validate", "rules test",
            "plugins", "completion"})
    void helpHasExamples(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Kb kb = Kb.run(args.toArray(String[]::new));
        assertThat(kb.exit()).isZero();
        assertThat(kb.out()).contains("Examples:", "  kb " + command.split(" ")[0]);
    }
}
