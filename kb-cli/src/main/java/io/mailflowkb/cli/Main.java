package io.mailflowkb.cli;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.rules.StartupMarks;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kb} command: diagnose Exchange Online mail-flow failures caused by TLS settings. */
@Command(name = "kb",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
                "Explains why mail stopped flowing between a mail server and Exchange",
                "Online after TLS 1.0 and 1.1 were turned off, with the evidence and the",
                "exact fix.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  kb diagnose --example tls12-client-disabled-export   a bundled example",
                "  kb diagnose --registry schannel.reg --logs SmtpSend  exports of a server",
                "  kb diagnose bundle.yaml --format json -o out.json    for tools",
                "  kb collect --registry schannel.reg -o bundle.yaml    diagnose later",
                "  kb collect-script --shell powershell -o Collect-MailflowEvidence.ps1",
                "                                                       the server-side collector",
                "  kb probe contoso-com.mail.protection.outlook.com     a live peer",
                "",
                "Exit codes: 0 no finding at warning or above; 1 a warning or critical finding;",
                "2 usage error or unreadable input (one line on stderr names it)."})
public final class Main implements Runnable {

    /** A message that talks Java (package names, exception names, method calls, null) is not for users. */
    private static final Pattern JAVA_WORDS = Pattern.compile(
            "(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z]|[A-Z]\\w*(?:Exception|Error)\\b|\\w\\(\\)|\\bnull\\b|`");

    /**
     * The subcommands, in help order. Registered in code rather than in {@code @Command}: picocli builds the model
     * of every registered command up front (reflection over all options), so a run of one named command registers
     * only that one; help, completion and anything unknown get all of them (docs/perf.md, start-up).
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(DiagnoseCommand.class, CollectCommand.class,
            CollectScriptCommand.class, ProbeCommand.class, RulesCommand.class, PluginsCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, also print its cause chain (for a bug report).")
    boolean debug;

    public static void main(String[] args) {
        StartupMarks.mark("main");
        HeadStart.begin(args); // the rule engine and the JSON serializers build while picocli parses
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code kb} with the given arguments and streams; returns the exit code. Used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // read before parsing: a parse error itself may need it, and every subcommand inherits the option
        boolean debug = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch("--debug"::equals);
        CommandLine cl = new CommandLine(new Main());
        StartupMarks.mark("cli: kb model built");
        String only = args.length > 0 ? args[0] : "";
        boolean named = SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(only))
                && !only.equals("help") && !only.equals("completion");
        // `kb --version` alone prints two lines and needs no subcommand model at all (a third of its run time)
        boolean versionOnly = args.length == 1 && (only.equals("--version") || only.equals("-V"));
        for (Class<?> c : SUBCOMMANDS) {
            if (!versionOnly && (!named || name(c).equals(only))) {
                cl.addSubcommand(c);
            }
        }
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

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
