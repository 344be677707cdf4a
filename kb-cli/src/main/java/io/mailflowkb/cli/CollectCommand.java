package io.mailflowkb.cli;

import io.mailflowkb.cli.input.CollectorCatalog;
import io.mailflowkb.cli.input.InputAssembler;
import io.mailflowkb.cli.input.InputOptions;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "collect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read evidence (folders, zips, exports, logs, events, bundles; kinds detected from content) or "
                + "live probes into a fact bundle to diagnose later or elsewhere.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  kb collect evidence.zip -o server01.yaml",
                "  kb collect --registry schannel.reg --registry host.reg -o server01.yaml",
                "  kb collect --logs SmtpSend.zip -o server01.json",
                "", "Exit codes: 0 written; 2 bad usage or an input that cannot be read."})
final class CollectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Evidence folder, .zip or .gz, any single export "
            + "or log, or a fact bundle; each file's kind is detected from its content.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    InputOptions inputs;

    @Option(names = "--knowledge", paramLabel = "DIR",
            description = "Extra knowledge folder whose symptom strings the log collectors also look for.")
    List<Path> knowledge = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "BUNDLE", required = true,
            description = "Where to write the bundle: .yaml/.yml (YAML) or .json (JSON); - for YAML on stdout.")
    Path output;

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
