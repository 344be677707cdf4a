package io.mailflowkb.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Prints picocli's completion script for {@code kb}. The script is generated from the live command model, so it
 * always matches the installed version's commands, options and --format values. It is written for bash and
 * also works in zsh through bashcompinit, which the script enables itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for kb (bash, and zsh via bashcompinit).", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(kb completion)                            this bash session",
                "  kb completion > ~/.local/share/bash-completion/completions/kb    every new bash",
                "  echo 'source <(kb completion)' >> ~/.zshrc        zsh (uses bashcompinit)"})
final class CompletionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        var out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
        return ExitCode.OK;
    }
}
