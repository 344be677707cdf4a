package io.mailflowkb.cli;

import io.mailflowkb.cli.input.CollectorCatalog;
import io.mailflowkb.cli.input.InputAssembler;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.examples.ExampleRunner;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeProblem;
import io.mailflowkb.model.knowledge.FindingDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Inspect, validate and test knowledge (shipped, plus folders given).", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  kb rules list                                     every finding, severity, origin",
                "  kb rules show tls12-client-disabled               one finding's definition",
                "  kb rules validate my-knowledge/                   check a folder before using it",
                "  kb rules test my-knowledge/                       run its examples"},
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Validate.class,
                RulesCommand.Test.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every finding with its severity and where it is defined (and overridden).",
            footerHeading = "%nExamples:%n",
            footer = {"  kb rules list", "  kb rules list my-knowledge/        shipped plus a folder, with overrides"})
    static final class ListRules implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "DIR", arity = "0..*", description = "Extra knowledge folders.")
        List<Path> dirs = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Diagnostician kb = Diagnostician.load(dirs);
            for (CompiledFinding f : kb.knowledge().findings()) {
                out.printf("%-32s %-8s %-8s %s%n", f.id(), f.definition().severity().id(),
                        f.definition().direction().id(), f.rule());
                for (String o : f.overriddenBy()) {
                    out.printf("%-32s overridden by %s%n", "", o);
                }
            }
            for (String d : kb.knowledge().disabled()) {
                out.printf("%-32s disabled%n", d);
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one finding's definition.",
            footerHeading = "%nExamples:%n",
            footer = {"  kb rules show tls12-client-disabled",
                    "  kb rules show my-finding my-knowledge/     a finding from a user folder"})
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Parameters(index = "1..*", paramLabel = "DIR", arity = "0..*", description = "Extra knowledge folders.")
        List<Path> dirs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            CompiledFinding f = Diagnostician.load(dirs).knowledge().finding(id).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "no finding with id '" + id + "'"));
            FindingDefinition d = f.definition();
            PrintWriter out = spec.commandLine().getOut();
            out.print(io.mailflowkb.model.bundle.Mappers.yaml().writeValueAsString(Map.of("rule", f.rule(),
                    "finding", d)));
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check knowledge folders; print every problem as file:line:column: message.",
            footerHeading = "%nExamples:%n",
            footer = {"  kb rules validate                    the shipped knowledge",
                    "  kb rules validate my-knowledge/      exit 2 and file:line:column for each problem"})
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "DIR", arity = "0..*")
        List<Path> dirs = new ArrayList<>();

        @Override
        public Integer call() {
            try {
                Diagnostician kb = Diagnostician.load(dirs);
                spec.commandLine().getOut().printf("OK: %d findings, %d symptoms, %d examples%n",
                        kb.knowledge().findings().size(), kb.knowledge().symptoms().size(),
                        kb.knowledge().examples().size());
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            } catch (KnowledgeException e) {
                PrintWriter err = spec.commandLine().getErr();
                for (KnowledgeProblem p : e.problems()) {
                    err.println(p);
                }
                err.flush();
                return ExitCode.BAD_INPUT;
            }
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run every knowledge example and check the findings it must and must not produce.",
            footerHeading = "%nExamples:%n",
            footer = {"  kb rules test                        the shipped examples",
                    "  kb rules test my-knowledge/          plus the examples in a user folder"})
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "DIR", arity = "0..*")
        List<Path> dirs = new ArrayList<>();

        @Override
        public Integer call() {
            Diagnostician kb = Diagnostician.load(dirs);
            InputAssembler assembler = new InputAssembler(CollectorCatalog.load(List.of()), kb.compiledSymptoms(), Map.of());
            PrintWriter out = spec.commandLine().getOut();
            int failed = 0;
            List<ExampleRunner.Result> results = new ExampleRunner(kb, assembler::readExample).runAll();
            for (ExampleRunner.Result r : results) {
                out.printf("%s %s (%s)%n", r.passed() ? "ok  " : "FAIL", r.example().name(), r.example().declaredIn());
                for (String p : r.problems()) {
                    out.printf("       %s%n", p);
                }
                failed += r.passed() ? 0 : 1;
            }
            out.printf("%d passed, %d failed%n", results.size() - failed, failed);
            out.flush();
            return failed == 0 ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }
}
