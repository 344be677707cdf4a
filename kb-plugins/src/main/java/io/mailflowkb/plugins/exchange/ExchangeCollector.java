package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.clixml.ClixmlReader;
import io.mailflowkb.plugins.input.RequestedFiles;
import io.mailflowkb.plugins.powershell.FormatListReader;
import io.mailflowkb.plugins.psobject.PsJsonReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exchange and Exchange Online configuration exports: {@code Get-SendConnector}, {@code Get-ReceiveConnector},
 * {@code Get-ExchangeCertificate}, {@code Get-HybridConfiguration}, {@code Get-ExchangeServer},
 * {@code Get-InboundConnector} / {@code Get-OutboundConnector} (and {@code Get-Queue} as CLIXML or JSON), in the
 * three forms admins produce (Export-Clixml, ConvertTo-Json, Format-List text), and HealthChecker's
 * {@code HealthChecker-<server>-<date>.xml} (its TLS and .NET registry readout becomes registry facts). Each file
 * is claimed by its content. Stateless.
 */
public final class ExchangeCollector implements FactCollector {

    public static final String ID = "exchange";
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** Property names only these cmdlets' objects have, as JSON keys or Format-List labels. */
    private static final Pattern MARKERS = Pattern.compile("(?m)^\\s*\"?(TlsCertificateName|AuthMechanism|SmartHosts"
            + "|TlsSenderCertificateName|CertificateDomains|OnPremisesSmartHost|TlsDomainCapabilities|TlsSettings"
            + "|CloudServicesMailEnabled|AdminDisplayVersion|RawData|Thumbprint)\"?\\s*:");
    private static final Pattern JSON_QUEUE = Pattern.compile("\"LastError\"\\s*:[\\s\\S]*\"NextHopDomain\"\\s*:"
            + "|\"NextHopDomain\"\\s*:[\\s\\S]*\"LastError\"\\s*:");

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
    public Claim claim(EvidenceFile file) {
        String text = file.headText();
        if (text == null) {
            return Claim.NONE;
        }
        String start = text.stripLeading();
        if (start.startsWith("<")) {
            if (!start.contains("<Objs") || !start.contains(ClixmlReader.NAMESPACE)) {
                return Claim.NONE;
            }
            return Claim.format(text.contains("TLSVersion") || text.contains("HealthChecker")
                    ? "HealthChecker XML (CLIXML)" : "PowerShell Export-Clixml");
        }
        if (start.startsWith("[") || start.startsWith("{")) {
            if (text.contains("\"scanResult\"") || !MARKERS.matcher(text).find() && !JSON_QUEUE.matcher(text).find()) {
                return Claim.NONE;
            }
            return Claim.format("Exchange cmdlet output (ConvertTo-Json)");
        }
        return MARKERS.matcher(text).find() && FormatListReader.looksLikeFormatList(text, 3)
                ? Claim.format("Exchange cmdlet output (Format-List)") : Claim.NONE;
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        RequestedFiles.eachFile(request, sink, "a folder: give it as a positional PATH to have its files "
                + "detected, or each export file on its own", f -> read(f, request, sink));
    }

    private void read(EvidenceFile f, CollectionRequest request, FactSink sink) throws IOException {
        String name = f.name();
        if (f.size() > MAX_BYTES) {
            throw new InvalidInputException(name, null, "too large for an Exchange export (" + f.size()
                    + " bytes; the limit is " + MAX_BYTES + ")");
        }
        String head = f.headText();
        if (head == null || head.isBlank()) {
            throw new InvalidInputException(name, null, f.size() == 0 ? "empty file" : "not text (binary content)");
        }
        sink.read(name, ID);
        ExchangeExport export = new ExchangeExport(name, request.clock().instant().toString(), request.symptoms(), sink);
        String start = head.stripLeading();
        try (Reader in = f.openText()) {
            if (start.startsWith("<")) {
                new ClixmlReader(name).read(in, export::accept);
            } else if (start.startsWith("[") || start.startsWith("{")) {
                PsJsonReader.read(in, name, export::accept);
            } else {
                FormatListRecords.read(in, name, sink).forEach(export::accept);
            }
        }
        export.finish();
        if (export.facts() == 0) {
            sink.skipped(name, "no Exchange connector, certificate, hybrid or HealthChecker TLS object in it");
        }
    }
}
