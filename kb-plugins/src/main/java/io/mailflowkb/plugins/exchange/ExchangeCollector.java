package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.clixml.ClixmlReader;
import io.mailflowkb.plugins.psobject.PsJsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exchange and Exchange Online configuration exports: {@code Get-SendConnector}, {@code Get-ReceiveConnector},
 * {@code Get-ExchangeCertificate}, {@code Get-HybridConfiguration}, {@code Get-ExchangeServer},
 * {@code Get-InboundConnector} / {@code Get-OutboundConnector}, in the three forms admins produce (Export-Clixml,
 * ConvertTo-Json, Format-List text), and HealthChecker's {@code HealthChecker-<server>-<date>.xml} (its TLS and
 * .NET registry readout becomes registry facts). Each file's form is told by its content. Stateless.
 */
public final class ExchangeCollector implements FactCollector {

    public static final String ID = "exchange";
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** Property names only these cmdlets' objects have, as JSON keys or Format-List labels. */
    private static final Pattern MARKERS = Pattern.compile("(?m)^\\s*\"?(TlsCertificateName|AuthMechanism|SmartHosts"
            + "|TlsSenderCertificateName|CertificateDomains|OnPremisesSmartHost|TlsDomainCapabilities|TlsSettings"
            + "|CloudServicesMailEnabled|AdminDisplayVersion|RawData|Thumbprint|NextHopDomain)\"?\\s*:");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Exchange/Exchange Online connector, certificate and hybrid exports; HealthChecker XML";
    }

    @Override
    public Set<InputKind> accepts() {
        return Set.of(InputKind.LOGS);
    }

    @Override
    public String formats() {
        return "Export-Clixml, ConvertTo-Json or Format-List of Get-SendConnector, Get-ReceiveConnector, "
                + "Get-ExchangeCertificate, Get-HybridConfiguration, Get-ExchangeServer, Get-InboundConnector, "
                + "Get-OutboundConnector; HealthChecker-<server>-<date>.xml";
    }

    @Override
    public boolean recognizes(InputKind kind, String name, byte[] head) {
        if (!accepts().contains(kind) || head.length == 0) {
            return false;
        }
        String text = ExportText.decodeHead(head);
        String start = text.stripLeading();
        if (start.startsWith("<")) {
            return start.contains("<Objs") && start.contains(ClixmlReader.NAMESPACE);
        }
        return MARKERS.matcher(text).find() && !text.contains("\"scanResult\"");
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        Path file = request.path();
        if (file == null || !Files.exists(file)) {
            throw new NoSuchFileException(String.valueOf(file));
        }
        String name = request.displayName() == null ? file.toString() : request.displayName();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name, null, "a folder: give each export file on its own");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new InvalidInputException(name, null, "too large for an Exchange export (" + Files.size(file)
                    + " bytes; the limit is " + MAX_BYTES + ")");
        }
        sink.read(name, ID);
        ExchangeExport export = new ExchangeExport(name, request.clock().instant().toString(), request.symptoms(),
                sink);
        ExportText.Form form = ExportText.form(file, name);
        try (Reader in = ExportText.open(file)) {
            switch (form) {
                case CLIXML -> new ClixmlReader(name).read(in, export::accept);
                case JSON -> PsJsonReader.read(in, name, export::accept);
                case FORMAT_LIST -> FormatListRecords.read(in, name, sink).forEach(export::accept);
            }
        }
        export.finish();
        if (export.facts() == 0) {
            sink.skipped(name, "no Exchange connector, certificate, hybrid or HealthChecker TLS object in it");
        }
    }
}
