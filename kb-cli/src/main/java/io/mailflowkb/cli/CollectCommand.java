package io.mailflowkb.cli;

import io.mailflowkb.cli.input.CollectorCatalog;
import io.mailflowkb.cli.input.InputAssembler;
import io.mailflowkb.cli.input.InputOptions;
import io.mailflowkb.cli.model.Binding;
import io.mailflowkb.cli.model.StandardHelp;
import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.spi.SymptomSet;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.knowledge.Knowledge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code kb collect}; its picocli model is written in code like {@code diagnose}'s, with which it shares the inputs. */
final class CollectCommand implements Callable<Integer> {

    CommandSpec spec;
    List<Path> paths = new ArrayList<>();
    InputOptions inputs = new InputOptions();
    List<Path> knowledge = new ArrayList<>();
    Path output;

    /** The command line of {@code kb collect} bound to {@code c}'s fields, options in help order. */
    static CommandLine commandLine(CollectCommand c) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c).name("collect");
        spec.usageMessage().sortOptions(false)
                .description("Read evidence (folders, zips, exports, logs, events, bundles; kinds detected from content) "
                + "or live probes into a fact bundle to diagnose later or elsewhere.", "")
                .footerHeading("%nExamples:%n")
                .footer("  kb collect evidence.zip -o server01.yaml",
                "  kb collect --registry schannel.reg --registry host.reg -o server01.yaml",
                "  kb collect --logs SmtpSend.zip -o server01.json",
                "", "Exit codes: 0 written; 2 bad usage or an input that cannot be read.");
        spec.addPositional(Binding.of(() -> c.paths, v -> c.paths = v).bind(PositionalParamSpec.builder()
                .paramLabel("PATH").arity("0..*").description("Evidence folder, .zip or .gz, any single export "
                + "or log, or a fact bundle; each file's kind is detected from its content."), List.class, Path.class)
                .build());
        spec.addMixin("inputs", c.inputs.mixin());
        spec.addOption(Binding.of(() -> c.knowledge, v -> c.knowledge = v).bind(OptionSpec.builder("--knowledge")
                .paramLabel("DIR")
                .description("Extra knowledge folder whose symptom strings the log collectors also look for."),
                List.class, Path.class).build());
        spec.addOption(Binding.of(() -> c.output, v -> c.output = v).bind(OptionSpec.builder("-o", "--output")
                .paramLabel("BUNDLE").required(true)
                .description("Where to write the bundle: .yaml/.yml (YAML) or .json (JSON); - for YAML on stdout."),
                Path.class).build());
        StandardHelp.addTo(spec);
        c.spec = spec;
        return new CommandLine(spec);
    }

    @Override
    public Integer call() {
        if (inputs.isEmpty() && paths.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to collect: give a PATH, --registry, --logs, --events, --probe or --input");
        }
        // collecting needs the symptom strings, not the rule engine: skip building the KieBase
        Knowledge loaded = Diagnostician.loadKnowledge(knowledge);
        InputAssembler assembler = new InputAssembler(CollectorCatalog.load(inputs.pluginPath),
                SymptomSet.of(loaded.symptoms(), loaded.exoAddressRanges()), inputs.collectorOptions);
        FactBundle bundle = assembler.collect(inputs, paths);
        boolean stdout = output.toString().equals("-");
        BundleCodec.Format format = stdout ? BundleCodec.Format.YAML : BundleCodec.Format.forFile(output.toString());
        Output.write(BundleCodec.toString(bundle, format), stdout ? null : output, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
