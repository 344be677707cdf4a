package io.mailflowkb.cli.model;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version} as {@code mixinStandardHelpOptions = true} adds them, under the same
 * mixin name, option names (with picocli's own name variables), descriptions and description keys, so help, parsing
 * and completion are the same; picocli builds its own from an annotated class, which is what these commands avoid.
 */
public final class StandardHelp {

    /** The mixin name picocli gives its standard help options ({@code CommandSpec.mixinStandardHelpOptions()}). */
    private static final String MIXIN = "mixinStandardHelpOptions";

    private StandardHelp() {
    }

    /** Adds the standard help options to {@code command}; call where the annotation would add them. */
    public static void addTo(CommandSpec command) {
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(null);
        mixin.addOption(OptionSpec.builder("${picocli.help.name.0:--h}", "${picocli.help.name.1:---help}")
                .usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.").type(boolean.class).initialValue(false).build());
        mixin.addOption(OptionSpec.builder("${picocli.version.name.0:--V}", "${picocli.version.name.1:---version}")
                .versionHelp(true).descriptionKey("mixinStandardHelpOptions.version")
                .description("Print version information and exit.").type(boolean.class).initialValue(false).build());
        command.addMixin(MIXIN, mixin);
    }
}
