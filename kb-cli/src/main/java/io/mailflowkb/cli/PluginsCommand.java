package io.mailflowkb.cli;

import io.mailflowkb.cli.input.CollectorCatalog;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List the collector plugins found (built in, on the class path, or in --plugin-path jars).", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  kb plugins                                 the built-in collectors",
                "  kb plugins --plugin-path ./plugins         plus third-party collector jars"})
final class PluginsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--plugin-path", paramLabel = "DIR", description = "Folder of collector plugin jars.")
    List<Path> pluginPath = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        List<FactCollector> all = CollectorCatalog.load(pluginPath).all();
        if (all.isEmpty()) {
            out.println("No collector plugins found.");
        }
        for (FactCollector c : all) {
            out.printf("%s %s%n", c.id(), c.version());
            out.printf("  %s%n", c.description());
            out.printf("  accepts: %s%n", String.join(", ", c.accepts().stream().map(InputKind::id).sorted().toList()));
            if (!c.formats().isEmpty()) {
                out.printf("  formats: %s%n", c.formats());
            }
            if (c.needsLocalMachine()) {
                out.println("  runs on the machine being diagnosed");
            }
            if (c.unavailableReason() != null) {
                out.printf("  unavailable here: %s%n", c.unavailableReason());
            }
            out.printf("  class: %s%n", c.getClass().getName());
        }
        out.flush();
        return ExitCode.OK;
    }
}
