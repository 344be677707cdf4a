package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.cli.model.Binding;
import io.mailflowkb.cli.render.Format;
import io.mailflowkb.cli.render.fix.FixScript;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The picocli models written in code ({@code kb}, {@code diagnose}, {@code collect} and their input options): every
 * option and parameter lands in its own field, repeats accumulate, absent options keep the field's value, and each
 * subcommand is registered under the name its command answers to.
 */
class CodedModelTest {

    @Test
    void everyDiagnoseOptionLandsInItsField() {
        DiagnoseCommand c = new DiagnoseCommand();
        DiagnoseCommand.commandLine(c).parseArgs("a.yaml", "b", "--registry", "r1.reg", "--registry=r2.reg",
                "--logs", "L", "--events", "E", "--max-inflated", "512m", "--probe", "mx:25", "--live-registry",
                "--input", "x=y", "--plugin-path", "P", "--collector-option", "k=v", "--collector-option", "k2=v2",
                "--knowledge", "K1", "--knowledge", "K2", "--format", "HTML", "--batch", "B", "--baseline", "prev.json",
                "-o", "out.txt", "--fix-script", "PS1", "--legacy-tls", "off", "--normalise-values", "--explain",
                "--example", "ex1");
        assertThat(c.paths).containsExactly(Path.of("a.yaml"), Path.of("b"));
        assertThat(c.inputs.registry).containsExactly(Path.of("r1.reg"), Path.of("r2.reg"));
        assertThat(c.inputs.logs).containsExactly(Path.of("L"));
        assertThat(c.inputs.events).containsExactly(Path.of("E"));
        assertThat(c.inputs.maxInflated).isEqualTo("512m");
        assertThat(c.inputs.probes).containsExactly("mx:25");
        assertThat(c.inputs.liveRegistry).isTrue();
        assertThat(c.inputs.byCollector).containsExactly("x=y");
        assertThat(c.inputs.pluginPath).containsExactly(Path.of("P"));
        assertThat(c.inputs.collectorOptions).containsExactly(Map.entry("k", "v"), Map.entry("k2", "v2"));
        assertThat(c.knowledge).containsExactly(Path.of("K1"), Path.of("K2"));
        assertThat(c.format).isEqualTo(Format.HTML);
        assertThat(c.batchDir).isEqualTo(Path.of("B"));
        assertThat(c.baseline).isEqualTo(Path.of("prev.json"));
        assertThat(c.output).isEqualTo(Path.of("out.txt"));
        assertThat(c.fixScript).isEqualTo(FixScript.Format.PS1);
        assertThat(c.legacyTls).isEqualTo("off");
        assertThat(c.normaliseValues).isTrue();
        assertThat(c.explain).isTrue();
        assertThat(c.example).isEqualTo("ex1");
        assertThat((Object) c.spec.commandLine().getCommand()).isSameAs(c);
    }

    @Test
    void absentDiagnoseOptionsKeepTheirValuesAndTheDefaultsApply() {
        DiagnoseCommand c = new DiagnoseCommand();
        DiagnoseCommand.commandLine(c).parseArgs("--example");
        assertThat(c.example).as("the fallback value of --example without NAME").isEmpty();
        assertThat(c.format).isEqualTo(Format.TEXT);
        assertThat(c.paths).isEmpty();
        assertThat(c.knowledge).isEmpty();
        assertThat(c.inputs.isEmpty()).isTrue();
        assertThat(c.inputs.collectorOptions).isEmpty();
        assertThat(c.output).isNull();
        assertThat(c.fixScript).isNull();
        assertThat(c.explain).isFalse();
    }

    @Test
    void everyCollectOptionLandsInItsFieldAndTheOutputIsRequired() {
        CollectCommand c = new CollectCommand();
        CollectCommand.commandLine(c).parseArgs("ev.zip", "--logs", "L", "--knowledge", "K", "-o", "b.yaml");
        assertThat(c.paths).containsExactly(Path.of("ev.zip"));
        assertThat(c.inputs.logs).containsExactly(Path.of("L"));
        assertThat(c.knowledge).containsExactly(Path.of("K"));
        assertThat(c.output).isEqualTo(Path.of("b.yaml"));
        Kb kb = Kb.run("collect", "ev.zip");
        assertThat(kb.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(kb.err()).contains("Missing required option: '--output=BUNDLE'");
    }

    @Test
    void everyCodedOptionIsBoundToAField() {
        for (CommandSpec spec : List.of(DiagnoseCommand.commandLine(new DiagnoseCommand()).getCommandSpec(),
                CollectCommand.commandLine(new CollectCommand()).getCommandSpec())) {
            for (ArgSpec arg : spec.args()) {
                boolean standard = arg.isOption() && (((CommandLine.Model.OptionSpec) arg).usageHelp()
                        || ((CommandLine.Model.OptionSpec) arg).versionHelp());
                if (!standard) {
                    assertThat(arg.setter()).as(spec.name() + " " + arg).isInstanceOf(Binding.class);
                }
            }
        }
    }

    @Test
    void subcommandsAreRegisteredUnderTheNameTheyAnswerTo() {
        Main.SUBCOMMANDS.forEach((name, command) -> {
            CommandLine cl = command.get();
            assertThat(cl.getCommandName()).isEqualTo(name);
            CommandLine.Command annotation = cl.getCommand().getClass().getAnnotation(CommandLine.Command.class);
            if (annotation != null) {
                assertThat(annotation.name()).isEqualTo(name);
            }
        });
        assertThat(Main.SUBCOMMANDS.keySet()).containsExactly("diagnose", "collect", "collect-script", "probe",
                "rules", "plugins", "completion", "help");
    }
}
