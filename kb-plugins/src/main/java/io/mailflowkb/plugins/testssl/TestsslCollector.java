package io.mailflowkb.plugins.testssl;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.input.RequestedFiles;
import io.mailflowkb.plugins.psobject.PsJsonReader;
import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * testssl.sh JSON of a scan ({@code --json} flat: an array of {@code {id, ip, port, severity, finding}};
 * {@code --json-pretty}: {@code scanResult[].protocols[]}; docs/healthchecker.md, [C5]) as
 * {@link ProbeResult}s, one per TLS version, so a testssl.sh scan of an SMTP peer ({@code --starttls smtp}) is
 * judged like {@code kb probe} of it. "offered" is {@code ok}, "not offered" {@code refused}, "not tested due to
 * lack of local support" {@code disabled-locally}; anything else is {@code error} with testssl.sh's words.
 */
public final class TestsslCollector implements FactCollector {

    public static final String ID = "testssl";
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Map<String, String> VERSIONS = Map.of("TLS1", "TLS 1.0", "TLS1_1", "TLS 1.1",
            "TLS1_2", "TLS 1.2", "TLS1_3", "TLS 1.3");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "testssl.sh JSON (flat or pretty) of a scan: the TLS versions a peer accepts, as probe results";
    }

    @Override
    public Set<InputKind> accepts() {
        return Set.of(InputKind.LOGS);
    }

    @Override
    public String formats() {
        return "testssl.sh --jsonfile / --jsonfile-pretty (with --starttls smtp for mail servers)";
    }

    @Override
    public Claim claim(EvidenceFile file) {
        String text = file.headText();
        if (text == null) {
            return Claim.NONE;
        }
        String t = text.stripLeading();
        boolean testssl = (t.startsWith("[") || t.startsWith("{")) && t.contains("\"finding\"")
                && (t.contains("\"scanResult\"") || t.matches("(?s).*\"id\"\\s*:\\s*\"(service|TLS1|SSLv2|scanTime"
                + "|engine_problem|optimal_proto|pre_128cipher)\".*"));
        return testssl ? Claim.format("testssl.sh JSON") : Claim.NONE;
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        RequestedFiles.eachFile(request, sink, "a folder, not a testssl.sh JSON file", f -> read(f, sink));
    }

    private void read(EvidenceFile f, FactSink sink) throws IOException {
        String name = f.name();
        if (f.size() > MAX_BYTES) {
            throw new InvalidInputException(name, null, "too large for a testssl.sh result (" + f.size() + " bytes)");
        }
        if (f.headText() == null) {
            throw new InvalidInputException(name, null, "not text: not a testssl.sh JSON file");
        }
        List<PsValue> top = new ArrayList<>();
        try (Reader in = f.openText()) {
            PsJsonReader.read(in, name, top::add);
        }
        sink.read(name, ID);
        List<ProbeResult> results = new ArrayList<>();
        for (PsValue v : top) {
            if (v instanceof PsValue.Obj o && o.member("scanResult") instanceof PsValue.Obj scans) {
                for (PsValue scan : scans.items()) {
                    if (scan instanceof PsValue.Obj s && s.member("protocols") instanceof PsValue.Obj protocols) {
                        String target = target(PsText.text(s.member("targetHost")), PsText.text(s.member("ip")),
                                PsText.text(s.member("port")));
                        for (PsValue p : protocols.items()) {
                            add(results, p, target, name);
                        }
                    }
                }
            } else if (v instanceof PsValue.Obj o && o.member("id") != null) {
                String ip = PsText.text(o.member("ip"));
                String host = ip == null ? null : ip.substring(0, Math.max(0, ip.indexOf('/')));
                String addr = ip == null ? null : ip.substring(ip.indexOf('/') + 1);
                add(results, o, target(host, addr, PsText.text(o.member("port"))), name);
            }
        }
        if (results.isEmpty()) {
            sink.skipped(name, "no TLS protocol results in this testssl.sh JSON (scan with -p or a full scan)");
            return;
        }
        results.forEach(sink::fact);
    }

    private static String target(String host, String ip, String port) {
        String h = host == null || host.isBlank() ? ip : host;
        if (h != null && h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return (h == null ? "unknown" : h) + ":" + (port == null ? "25" : port);
    }

    private static void add(List<ProbeResult> out, PsValue finding, String target, String source) {
        if (!(finding instanceof PsValue.Obj o)) {
            return;
        }
        String version = VERSIONS.get(PsText.text(o.member("id")));
        String text = PsText.text(o.member("finding"));
        if (version == null || text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String outcome = lower.startsWith("offered") ? "ok"
                : lower.startsWith("not offered") ? "refused"
                : lower.contains("lack of local support") ? "disabled-locally" : "error";
        String severity = PsText.text(o.member("severity"));
        out.add(new ProbeResult(target, version, outcome, "testssl.sh: " + text, null, null, null, 0,
                new Provenance(source, o.line(), "testssl.sh " + PsText.text(o.member("id")) + " "
                        + (severity == null ? "" : severity + " ") + text)));
    }
}
