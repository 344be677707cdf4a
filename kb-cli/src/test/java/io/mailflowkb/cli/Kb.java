package io.mailflowkb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it prints, as a user at a shell would see it. */
record Kb(int exit, String out, String err) {

    static Kb run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Kb(code, out.toString(), err.toString());
    }

    /** stderr must be one line that names the input, and never a stack trace. */
    void assertOneLineErrorNaming(String input) {
        org.assertj.core.api.Assertions.assertThat(exit).as("exit code, stderr=%s", err).isEqualTo(ExitCode.BAD_INPUT);
        org.assertj.core.api.Assertions.assertThat(err.strip().lines().count()).as("stderr: %s", err).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(err).contains(input).doesNotContain("Exception").doesNotContain("\tat ");
        org.assertj.core.api.Assertions.assertThat(out).isEmpty();
    }
}
