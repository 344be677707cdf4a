package io.mailflowkb.cli;

import io.mailflowkb.cli.input.CollectorCatalog;
import io.mailflowkb.cli.input.InputAssembler;
import io.mailflowkb.cli.input.InputOptions;
import io.mailflowkb.cli.render.Format;
import io.mailflowkb.cli.render.ProbeTable;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.rules.Diagnostician;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Probe SMTP peers with STARTTLS: one connection per TLS version (1.0, 1.1, 1.2, 1.3), recording "
                + "the exact SMTP replies and TLS alerts, then diagnose what was seen.",
                "Never sends mail and never authenticates. The probe uses Java's TLS stack, not Windows SChannel: a "
                        + "working TLS 1.2 probe does not prove that Exchange on Windows can use TLS 1.2.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  kb probe contoso-com.mail.protection.outlook.com      port 25, all four versions",
                "  kb probe smtp.office365.com:587 --format json       submission: reports whether AUTH is offered",
                "  kb probe mail.example.net:465 --implicit-tls",
                "  kb probe mx1.example.net mx2.example.net --reply-timeout 2000 --check-required-tls",
                "", "Exit codes: 0 nothing at warning or above; 1 a warning or critical finding; 2 bad usage."})
final class ProbeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "HOST[:PORT]", arity = "1..*", description = "Peers to probe (port 25 by default).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--ehlo", paramLabel = "NAME", description = "Name to send in EHLO (default: this machine's name).")
    String ehlo;

    @Option(names = "--connect-timeout", paramLabel = "MS", defaultValue = "5000", description = "TCP connect timeout (default ${DEFAULT-VALUE}).")
    int connectTimeout;

    @Option(names = "--reply-timeout", paramLabel = "MS", defaultValue = "5000", description = "Timeout for each SMTP reply (default ${DEFAULT-VALUE}).")
    int replyTimeout;

    @Option(names = "--handshake-timeout", paramLabel = "MS", defaultValue = "5000", description = "Timeout for each TLS handshake (default ${DEFAULT-VALUE}).")
    int handshakeTimeout;

    @Option(names = "--implicit-tls", description = "TLS from the first byte (port 465 style) instead of STARTTLS.")
    boolean implicitTls;

    @Option(names = "--check-required-tls",
            description = "Also try MAIL FROM without TLS on a separate connection to see whether the peer enforces TLS "
                    + "(closed before RCPT).")
    boolean checkRequiredTls;

    @Option(names = "--versions", paramLabel = "LIST", description = "Versions to try, e.g. 1.2,1.3 (default all four).")
    String versions;

    @Option(names = "--trust-ca", paramLabel = "PEM",
            description = "CA certificates (PEM) to trust besides the JDK's, e.g. your internal CA, when judging the "
                    + "peer's certificate chain.")
    Path trustCa;

    @Option(names = "--knowledge", paramLabel = "DIR", description = "Extra knowledge folder; repeatable.")
    List<Path> knowledge = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text (default; with the per-version table), json (with a probes table), markdown, html.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE (atomically).")
    Path output;

    @Override
    public Integer call() {
        for (int t : new int[] {connectTimeout, replyTimeout, handshakeTimeout}) {
            if (t < 100 || t > 120_000) {
                throw new CommandLine.ParameterException(spec.commandLine(), "timeouts must be 100 to 120000 ms");
            }
        }
        Diagnostician kb = Diagnostician.load(knowledge);
        InputOptions in = new InputOptions();
        in.probes.addAll(targets);
        in.collectorOptions.put("connectTimeoutMs", Integer.toString(connectTimeout));
        in.collectorOptions.put("replyTimeoutMs", Integer.toString(replyTimeout));
        in.collectorOptions.put("handshakeTimeoutMs", Integer.toString(handshakeTimeout));
        in.collectorOptions.put("implicitTls", Boolean.toString(implicitTls));
        in.collectorOptions.put("checkRequiredTls", Boolean.toString(checkRequiredTls));
        if (ehlo != null) {
            in.collectorOptions.put("ehlo", ehlo);
        }
        if (versions != null) {
            in.collectorOptions.put("versions", versions);
        }
        if (trustCa != null) {
            in.collectorOptions.put("trustCa", trustCa.toString());
        }
        FactBundle facts = new InputAssembler(CollectorCatalog.load(List.of()), kb.compiledSymptoms(), in.collectorOptions)
                .collect(in);
        Diagnosis d = kb.diagnose(facts);
        String text = switch (format) {
            case JSON -> ProbeTable.json(d, facts);
            case TEXT -> ProbeTable.text(facts) + "\n" + format.renderer(Output.colorWanted(output)).render(d);
            case MARKDOWN, HTML -> format.renderer(false).render(d); // probe results are the findings' evidence
        };
        Output.write(text, output, spec.commandLine().getOut());
        return d.hasProblems() ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
