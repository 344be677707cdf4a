package io.mailflowkb.cli;

import io.mailflowkb.cli.model.Binding;
import io.mailflowkb.cli.model.StandardHelp;
import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.rules.StartupMarks;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The {@code kb} command: diagnose Exchange Online mail-flow failures caused by TLS settings. Its picocli model is
 * written in code, not read from annotations, like those of {@code diagnose} and {@code collect}
 * ({@link io.mailflowkb.cli.model}): reading picocli's annotations costs a cold run more than building the model.
 */
public final class Main implements Runnable {

    /** A message that talks Java (package names, exception names, method calls, null) is not for users. */
    private static final Pattern JAVA_WORDS = Pattern.compile(
            "(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z]|[A-Z]\\w*(?:Exception|Error)\\b|\\w\\(\\)|\\bnull\\b|`");

    /**
     * The subcommands by name, in help order. Registered in code rather than in {@code @Command}: picocli builds the
     * model of every registered command up front (reflection over all options), so a run of one named command
     * registers only that one; help, completion and anything unknown get all of them (docs/perf.md, start-up). The
     * names are written here, not read from each class's {@code @Command} (reading it parses every class's
     * annotations; {@code CodedModelTest} checks they agree).
     */
    static final Map<String, Supplier<CommandLine>> SUBCOMMANDS = subcommands();

    CommandLine.Model.CommandSpec spec;

    /** Set by picocli when {@code --debug} is given; {@link #run(String[], PrintWriter, PrintWriter)} reads it earlier. */
    boolean debug;

    private static Map<String, Supplier<CommandLine>> subcommands() {
        Map<String, Supplier<CommandLine>> m = new LinkedHashMap<>();
        m.put("diagnose", () -> DiagnoseCommand.commandLine(new DiagnoseCommand()));
        m.put("collect", () -> CollectCommand.commandLine(new CollectCommand()));
        m.put("collect-script", () -> new CommandLine(CollectScriptCommand.class));
        m.put("probe", () -> new CommandLine(ProbeCommand.class));
        m.put("rules", () -> new CommandLine(RulesCommand.class));
        m.put("plugins", () -> new CommandLine(PluginsCommand.class));
        m.put("completion", () -> new CommandLine(CompletionCommand.class));
        m.put("help", () -> new CommandLine(CommandLine.HelpCommand.class));
        return Collections.unmodifiableMap(m);
    }

    /** The model of {@code kb} itself, bound to {@code main}: what its {@code @Command} and fields declared before. */
    private static CommandLine commandLine(Main main) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(main).name("kb")
                .versionProvider(new Version());
        spec.usageMessage().description(
                        "Explains why mail stopped flowing between a mail server and Exchange",
                        "Online after TLS 1.0 and 1.1 were turned off, with the evidence and the",
                        "exact fix.", "")
                .footerHeading("%nExamples:%n")
                .footer("  kb diagnose --example tls12-client-disabled-export   a bundled example",
                        "  kb diagnose --registry schannel.reg --logs SmtpSend  exports of a server",
                        "  kb diagnose bundle.yaml --format json -o out.json    for tools",
                        "  kb collect --registry schannel.reg -o bundle.yaml    diagnose later",
                        "  kb collect-script --shell powershell -o Collect-MailflowEvidence.ps1",
                        "                                                       the server-side collector",
                        "  kb probe contoso-com.mail.protection.outlook.com     a live peer",
                        "",
                        "Exit codes: 0 no finding at warning or above; 1 a warning or critical finding;",
                        "2 usage error or unreadable input (one line on stderr names it).");
        spec.addOption(Binding.of(() -> main.debug, v -> main.debug = v).bind(CommandLine.Model.OptionSpec
                .builder("--debug").scopeType(CommandLine.ScopeType.INHERIT)
                .description("On an error, also print its cause chain (for a bug report)."), boolean.class).build());
        StandardHelp.addTo(spec); // after the fields' options, where the annotation put them (completion lists them so)
        main.spec = spec;
        return new CommandLine(spec);
    }

    public static void main(String[] args) {
        StartupMarks.mark("main");
        HeadStart.begin(args); // the rule engine and the JSON serializers build while picocli parses
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code kb} with the given arguments and streams; returns the exit code. Used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // read before parsing: a parse error itself may need it, and every subcommand inherits the option
        boolean debug = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch("--debug"::equals);
        CommandLine cl = commandLine(new Main());
        StartupMarks.mark("cli: kb model built");
        String only = args.length > 0 ? args[0] : "";
        boolean named = SUBCOMMANDS.containsKey(only) && !only.equals("help") && !only.equals("completion");
        // `kb --version` alone prints two lines and needs no subcommand model at all (a third of its run time)
        boolean versionOnly = args.length == 1 && (only.equals("--version") || only.equals("-V"));
        SUBCOMMANDS.forEach((name, command) -> {
            if (!versionOnly && (!named || name.equals(only))) {
                cl.addSubcommand(name, command.get());
            }
        });
        StartupMarks.mark("cli: subcommand models built");
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            report(e, commandLine.getErr(), debug);
            return ExitCode.BAD_INPUT;
        });
        cl.setParameterExceptionHandler((e, args1) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("kb: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCode.BAD_INPUT;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // never expected (inputs and knowledge are bounded), but a script reading stdout must still get exit 2
            // and one line, not a JVM dump
            report(e, err, debug);
            code = ExitCode.BAD_INPUT;
        }
        out.flush();
        err.flush();
        StartupMarks.mark("exit");
        return code;
    }

    private static void report(Throwable e, PrintWriter err, boolean debug) {
        err.println("kb: " + oneLine(e));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * One line for stderr in the user's terms: the input and line for bad input, plain words otherwise; never a
     * stack trace or a Java class name ({@code --debug} prints the cause chain).
     */
    static String oneLine(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof KnowledgeException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            return InvalidInputException.ioReason(u.getCause());
        }
        if (e instanceof IOException io) {
            return InvalidInputException.ioReason(io);
        }
        if (e instanceof OutOfMemoryError) {
            return "ran out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB heap): an input is larger than kb can hold; run again with --debug to see where";
        }
        if (e instanceof StackOverflowError) {
            return "an input is nested too deeply to process; run again with --debug to see where";
        }
        String m = e.getMessage();
        if ((e instanceof IllegalArgumentException || e instanceof IllegalStateException) && m != null
                && !m.isBlank() && !JAVA_WORDS.matcher(m).find()) {
            return m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }
        return "internal error, please report it (run again with --debug for the details)";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/kb-cli.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return new String[] {"kb (Mailflow KB) " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + ", Drools 10 executable model"};
        }
    }
}
