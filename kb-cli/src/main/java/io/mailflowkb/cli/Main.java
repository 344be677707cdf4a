package io.mailflowkb.cli;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
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

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code kb} with the given arguments and streams; returns the exit code. Used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        String only = args.length > 0 ? args[0] : "";
        boolean named = SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(only))
                && !only.equals("help") && !only.equals("completion");
        for (Class<?> c : SUBCOMMANDS) {
            if (!named || name(c).equals(only)) {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("kb: " + oneLine(e));
            commandLine.getErr().flush();
            return ExitCode.BAD_INPUT;
        });
        cl.setParameterExceptionHandler((e, args1) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("kb: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCode.BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** One line for stderr: the input and line for bad input, the message otherwise; never a stack trace. */
    static String oneLine(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof KnowledgeException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            return u.getCause().getMessage();
        }
        if (e instanceof IOException) {
            return e.getClass().getSimpleName().replace("Exception", "") + ": " + e.getMessage();
        }
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replaceAll("\\s*[\\r\\n]+\\s*", " ");
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
