package io.mailflowkb.plugins.manifest;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The {@code manifest.txt} that kb's generated collection scripts write into the evidence folder. Its first line,
 * {@code # Mailflow KB evidence of NAME, SCRIPT, TIME}, names the computer and when the evidence was collected: the
 * PowerShell script writes ISO-8601 UTC (kept to the millisecond), the cmd script {@code local time %DATE% %TIME%} (locale-dependent, so kept
 * as cmd printed it). A time that does not parse is kept as given, never guessed. The item lines after it say what
 * was collected; the files themselves are read by their own collectors.
 */
public final class EvidenceManifestCollector implements FactCollector {

    public static final String ID = "evidence-manifest";
    static final String PREFIX = "# Mailflow KB evidence of ";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "manifest.txt of kb's collection scripts: the computer name and when the evidence was collected";
    }

    @Override
    public Set<InputKind> accepts() {
        return Set.of(InputKind.LOGS);
    }

    @Override
    public String formats() {
        return "manifest.txt written by collect-evidence.cmd or Collect-MailflowEvidence.ps1";
    }

    @Override
    public Claim claim(EvidenceFile file) {
        String text = file.headText();
        return text != null && text.replace("\uFEFF", "").stripLeading().startsWith(PREFIX) ? Claim.format("kb evidence manifest")
                : Claim.NONE;
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        for (EvidenceFile f : request.files()) {
            String text = f.headText();
            String first = text == null ? "" : text.replace("\uFEFF", "").stripLeading().lines().findFirst().orElse("");
            HostProfile host = header(first, Provenance.of(f.name(), 1));
            sink.read(f.name(), ID);
            if (host == null) {
                sink.skipped(f.name(), "line 1 is not '# Mailflow KB evidence of NAME, SCRIPT, TIME'");
            } else {
                sink.fact(host);
            }
        }
    }

    /** {@code NAME, SCRIPT, TIME}: a computer name has no comma, the script names are fixed; the rest is time. */
    static HostProfile header(String line, Provenance at) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = line.substring(PREFIX.length()).split(", ", 3);
        String name = parts[0].strip();
        String time = parts.length == 3 ? parts[2].strip() : null;
        return new HostProfile(null, null, null, null, null, name.isEmpty() ? null : name, null, collected(time),
                at);
    }

    private static String collected(String time) {
        if (time == null || time.isEmpty()) {
            return null;
        }
        try {
            // milliseconds, like the evidence times of the header; 'o' writes seven fraction digits
            return OffsetDateTime.parse(time).toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException e) {
            return time;
        }
    }
}
