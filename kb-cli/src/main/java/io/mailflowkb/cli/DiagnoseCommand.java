package io.mailflowkb.cli;

import io.mailflowkb.cli.input.CollectorCatalog;
import io.mailflowkb.cli.input.InputAssembler;
import io.mailflowkb.cli.input.InputOptions;
import io.mailflowkb.cli.model.Binding;
import io.mailflowkb.cli.model.StandardHelp;
import io.mailflowkb.cli.render.Format;
import io.mailflowkb.cli.render.fix.FixScript;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.fix.FixChoice;
import io.mailflowkb.cli.render.ReportContext;
import io.mailflowkb.cli.render.TraceRenderer;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.StartupMarks;
import io.mailflowkb.rules.report.Baselines;
import io.mailflowkb.rules.knowledge.KnowledgeExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code kb diagnose}. Its picocli model is written in code ({@link #commandLine}), not read from annotations: this
 * is the command of every diagnosis, and on a cold JVM picocli's annotation reflection cost about three times what
 * building the same model in code does (docs/perf.md, Start-up). Help, parsing and completion are as the annotations
 * made them; {@code CodedModelTest} checks each option lands in its field.
 */
final class DiagnoseCommand implements Callable<Integer> {

    CommandSpec spec;
    List<Path> paths = new ArrayList<>();
    InputOptions inputs = new InputOptions();
    List<Path> knowledge = new ArrayList<>();
    Format format;
    Path batchDir;
    Path baseline;
    Path output;
    FixScript.Format fixScript;
    String legacyTls;
    boolean normaliseValues;
    boolean explain;
    String example;

    /** The command line of {@code kb diagnose} bound to {@code c}'s fields, options in help order. */
    static CommandLine commandLine(DiagnoseCommand c) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c).name("diagnose");
        spec.usageMessage().sortOptions(false)
                .description("Diagnose the evidence of one server and say what is wrong and how to fix it.",
                "", "PATH is an evidence folder or .zip, any single export or log, or a fact bundle: each file's kind "
                + "is detected from its content (registry exports, reg query output, protocol and tracking logs, "
                + "queue text, NDRs, event exports, message trace exports, bundles; UTF-16 or UTF-8 or ANSI) and "
                + "every file is listed in inputs. Evidence paths and --registry, --logs, --events, --probe are "
                + "combined with at most one bundle into one diagnosis; several bundles (or --batch DIR) are "
                + "diagnosed one by one (JSON Lines with --format json).",
                "")
                .footerHeading("%nExamples:%n")
                .footer("  kb diagnose evidence.zip                           the collector's zip, as it is",
                "  kb diagnose evidence\\ queue.txt schannel.reg      a folder and loose files",
                "  kb diagnose --example                              list the bundled examples",
                "  kb diagnose --example tls12-client-disabled --format json",
                "  kb diagnose --registry schannel.reg --logs \"C:\\Logs\\SmtpSend\"",
                "  kb diagnose server01.yaml -o server01.txt",
                "  kb diagnose server01.yaml --format markdown -o ticket.md     paste into a ticket",
                "  kb diagnose server01.yaml --format html -o report.html       one self-contained page",
                "  kb diagnose --batch bundles/ --format json | jq -c '{bundle, ids: [.findings[].id]}'",
                "  kb diagnose a.yaml b.yaml --format json                     JSON Lines, one per bundle",
                "  kb diagnose after.yaml --baseline before.json               what the fix resolved",
                "", "Exit codes: 0 nothing at warning or above; 1 a warning or critical finding; 2 bad usage or input.");
        spec.addPositional(Binding.of(() -> c.paths, v -> c.paths = v).bind(PositionalParamSpec.builder()
                .paramLabel("PATH").arity("0..*").description("Evidence folder, .zip or .gz, any single export "
                + "or log (kind detected from content), or a fact bundle (.yaml or .json) from `kb collect`."),
                List.class, Path.class).build());
        spec.addMixin("inputs", c.inputs.mixin());
        spec.addOption(Binding.of(() -> c.knowledge, v -> c.knowledge = v).bind(OptionSpec.builder("--knowledge")
                .paramLabel("DIR")
                .description("Extra knowledge folder (YAML) that adds, overrides or disables findings; repeatable."),
                List.class, Path.class).build());
        spec.addOption(Binding.of(() -> c.format, v -> c.format = v).bind(OptionSpec.builder("--format")
                .paramLabel("FORMAT").defaultValue("text")
                .description("text (default), json, markdown (for tickets) or html (one self-contained page). "
                        + "Valid values: ${COMPLETION-CANDIDATES}")
                .converters(new FormatConverter()).completionCandidates(new FormatConverter.Candidates()),
                Format.class).build());
        spec.addOption(Binding.of(() -> c.batchDir, v -> c.batchDir = v).bind(OptionSpec.builder("--batch")
                .paramLabel("DIR")
                .description("Diagnose every server in DIR, one by one, after any bundle arguments: each *.yaml, *.yml "
                    + "or *.json bundle, evidence folder and evidence .zip (not recursive, sorted by name). Markdown and "
                    + "HTML start with a fleet summary. Exit code is the worst of all."), Path.class).build());
        spec.addOption(Binding.of(() -> c.baseline, v -> c.baseline = v).bind(OptionSpec.builder("--baseline")
                .paramLabel("PREVIOUS.json")
                .description("Compare with an earlier --format json result of the same server: each finding is new or "
                    + "still-present, and the report lists what was resolved since then."), Path.class).build());
        spec.addOption(Binding.of(() -> c.output, v -> c.output = v).bind(OptionSpec.builder("-o", "--output")
                .paramLabel("FILE").description("Write the result to FILE (atomically)."), Path.class).build());
        spec.addOption(Binding.of(() -> c.fixScript, v -> c.fixScript = v).bind(OptionSpec.builder("--fix-script")
                .paramLabel("reg|ps1").converters(new FixFormatConverter())
                .description("Also write a script that sets the registry values the findings call for (only those that "
                    + "differ), with a backup and a rollback script beside it. -o FILE then names the script; the report "
                    + "goes to stdout (HTML and Markdown reports embed the script)."), FixScript.Format.class).build());
        spec.addOption(Binding.of(() -> c.legacyTls, v -> c.legacyTls = v).bind(OptionSpec.builder("--legacy-tls")
                .paramLabel("on|off")
                .description("With --fix-script: your decision for TLS 1.0/1.1, which only you can make (Exchange Online "
                    + "does not need them off; legacy partners may need them on). A Client/Server mismatch or a half "
                    + "disabled TLS 1.0/1.1 is then fixed to on (Enabled 1, DisabledByDefault 0) or off (Enabled 0, "
                    + "DisabledByDefault 1) for both roles. Without it those values are left out, and kb says so."),
                String.class).build());
        spec.addOption(Binding.of(() -> c.normaliseValues, v -> c.normaliseValues = v)
                .bind(OptionSpec.builder("--normalise-values")
                .description("With --fix-script: also rewrite values that already work but are not Microsoft's "
                    + "documented 0/1 (e.g. Enabled=0xffffffff becomes 1). Without it such values are left alone."),
                boolean.class).build());
        spec.addOption(Binding.of(() -> c.explain, v -> c.explain = v).bind(OptionSpec.builder("--explain")
                .description("Also show which rules fired on which facts, and why each other finding did not fire "
                    + "(text, json)."), boolean.class).build());
        spec.addOption(Binding.of(() -> c.example, v -> c.example = v).bind(OptionSpec.builder("--example")
                .paramLabel("NAME").arity("0..1").fallbackValue("")
                .description("Diagnose a bundled example; without NAME, list the examples one per line."),
                String.class).build());
        StandardHelp.addTo(spec);
        c.spec = spec;
        return new CommandLine(spec);
    }

    @Override
    public Integer call() {
        StartupMarks.mark("cli: parsed");
        var out = spec.commandLine().getOut();
        Diagnostician kb = Diagnostician.start(knowledge);
        StartupMarks.mark("cli: knowledge ready");
        if ("".equals(example)) {
            kb.knowledge().examples().stream().filter(KnowledgeExample::shipped)
                    .forEach(e -> out.println(e.name()));
            kb.knowledge().examples().stream().filter(e -> !e.shipped()).forEach(e -> out.println(e.name()));
            out.flush();
            return ExitCode.OK;
        }
        CollectorCatalog catalog = CollectorCatalog.load(inputs.pluginPath);
        InputAssembler assembler = new InputAssembler(catalog, kb.compiledSymptoms(), inputs.collectorOptions);
        StartupMarks.mark("cli: collectors loaded");
        List<Path> bundles = new ArrayList<>();
        List<Path> evidence = new ArrayList<>();
        for (Path p : paths) {
            (assembler.isBundle(p) ? bundles : evidence).add(p);
        }
        boolean raw = !inputs.isEmpty() || !evidence.isEmpty();

        if (example != null) {
            if (!paths.isEmpty() || !inputs.isEmpty() || batchDir != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--example takes no other inputs");
            }
            KnowledgeExample e = kb.knowledge().example(example).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "no example named '" + example
                            + "' (kb diagnose --example lists them)"));
            FactBundle read = assembler.readExample(e);
            StartupMarks.mark("cli: example read");
            return single(kb, read);
        }
        if (bundles.size() > 1 || batchDir != null) {
            if (fixScript != null || explain || baseline != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--fix-script, --explain and --baseline work on one diagnosis at a time");
            }
            if (raw) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "evidence (folders, exports, --registry, --logs, ...) goes with at most one bundle");
            }
            List<Path> all = new ArrayList<>(bundles);
            if (batchDir != null) {
                all.addAll(BatchRun.bundlesIn(batchDir));
            }
            BatchRun.Result r = new BatchRun(kb, assembler, inputs, format,
                    format == Format.TEXT && Output.colorWanted(output), Output.textWidth(output)).run(all);
            r.warnings().forEach(w -> spec.commandLine().getErr().println("kb: warning: " + w));
            Output.write(r.text(), output, spec.commandLine().getOut());
            return r.exitCode();
        }
        if (bundles.isEmpty() && !raw) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to diagnose: give a PATH (evidence folder, zip, file or bundle), --registry, --logs, "
                            + "--events, --probe or --example");
        }
        FactBundle bundle = bundles.isEmpty() ? FactBundle.builder().build() : readBundle(bundles.get(0));
        if (raw) {
            bundle = bundle.plus(assembler.collect(inputs, evidence));
        }
        return single(kb, bundle);
    }

    /** One diagnosis: the report, and on request the explanation and the fix script. */
    private int single(Diagnostician kb, FactBundle bundle) {
        if (explain && format != Format.TEXT && format != Format.JSON) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--explain goes with --format text or json");
        }
        if (fixScript != null && Output.isStdout(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fix-script needs -o FILE: where to write the script (the report goes to stdout)");
        }
        if (legacyTls != null && fixScript == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--legacy-tls goes with --fix-script");
        }
        chosen();
        Diagnosis previous = baseline == null ? null : BaselineFile.read(baseline);
        Diagnostician.Explained explained = explain ? kb.explain(bundle) : null;
        Diagnosis d = explained != null ? explained.diagnosis() : kb.diagnose(bundle);
        if (previous != null) {
            d = Baselines.compare(d, bundle, previous, baseline.toString(), BaselineFile.modified(baseline));
            if (d.comparison().warning() != null) {
                spec.commandLine().getErr().println("kb: warning: " + d.comparison().warning());
                spec.commandLine().getErr().flush();
            }
        }
        ReportContext context = ReportContext.plain();
        Path reportFile = output;
        if (fixScript != null) {
            FixScriptWriter.Written written = FixScriptWriter.write(d, bundle, fixScript, output,
                    spec.commandLine().getErr(), chosen(), normaliseValues);
            context = context.withFixScript(written.script()).withFixNotes(written.notes());
            reportFile = null;
        }
        context = context.withTextWidth(Output.textWidth(reportFile));
        String text = format.renderer(format == Format.TEXT && Output.colorWanted(reportFile), context).render(d);
        StartupMarks.mark("cli: rendered");
        if (explained != null) {
            text = TraceRenderer.append(text, format, explained.trace());
        }
        Output.write(text, reportFile, spec.commandLine().getOut());
        StartupMarks.mark("cli: written");
        // a finding at warning or above that was not re-examined may still be there: not a clean run
        boolean unexamined = d.comparison() != null && d.comparison().notReexamined().stream()
                .anyMatch(f -> f.severity().failsRun());
        return d.hasProblems() || unexamined ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** The decisions given on the command line ({@code --legacy-tls on|off}). */
    private Set<FixChoice> chosen() {
        if (legacyTls == null) {
            return Set.of();
        }
        return switch (legacyTls.toLowerCase(Locale.ROOT)) {
            case "on" -> Set.of(FixChoice.LEGACY_TLS_ON);
            case "off" -> Set.of(FixChoice.LEGACY_TLS_OFF);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--legacy-tls takes on or off, not '" + legacyTls + "'");
        };
    }

    private static FactBundle readBundle(Path p) {
        return InputAssembler.readBundle(p);
    }
}
