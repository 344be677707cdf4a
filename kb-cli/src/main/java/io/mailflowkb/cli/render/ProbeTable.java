package io.mailflowkb.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.finding.Diagnosis;
import java.io.UncheckedIOException;

/** The per-version table of {@code kb probe}: what each TLS version did against each target. */
public final class ProbeTable {

    private ProbeTable() {
    }

    /** The diagnosis object of the JSON contract, plus {@code probes} and {@code certificates} after it. */
    public static String json(Diagnosis d, FactBundle facts) {
        ObjectNode root = Mappers.json().valueToTree(d);
        root.set("probes", Mappers.json().valueToTree(facts.probes().stream().map(ProbeTable::row).toList()));
        root.set("certificates", Mappers.json().valueToTree(facts.certificates()));
        try {
            return Mappers.json().writer(Mappers.prettyPrinter()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Map<String, Object> row(ProbeResult p) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("target", p.target());
        m.put("tlsVersion", p.tlsVersion());
        m.put("outcome", p.outcome());
        m.put("detail", p.detail());
        m.put("cipher", p.cipher());
        m.put("starttlsOffered", p.starttlsOffered());
        m.put("authOffered", p.authOffered());
        m.put("millis", p.millis());
        m.put("transcript", p.source().detail());
        return m;
    }

    public static String text(FactBundle facts) {
        StringBuilder b = new StringBuilder();
        java.util.LinkedHashSet<String> targets = new java.util.LinkedHashSet<>();
        facts.probes().forEach(p -> targets.add(p.target()));
        for (String target : targets) {
            b.append(b.length() == 0 ? "" : "\n").append("Probe of ").append(target).append(":\n");
            b.append(String.format("  %-8s %-18s %8s  %s%n", "version", "result", "time", "detail"));
            for (ProbeResult p : facts.probes()) {
                if (p.target().equals(target)) {
                    String detail = p.cipher() != null ? p.cipher() : p.detail() == null ? "" : p.detail();
                    // a version not tried took no time: "0 ms timeout" would claim a timeout that never ran
                    String time = p.attempted() ? p.millis() + " ms" : "not run";
                    String row = String.format("  %-8s %-18s %8s  ", p.tlsVersion(), p.outcome(), time);
                    // the whole detail, wrapped under its column: a cut "not retried ..." hid why a row is what it is
                    TextRenderer.wrap(b, detail.isEmpty() ? "-" : detail, row, " ".repeat(row.length()),
                            Math.max(TextRenderer.WIDTH, row.length() + 30));
                }
            }
            for (ProbeCertificate c : facts.certificates()) {
                if (c.target().equals(target)) {
                    TextRenderer.wrap(b, "certificate: " + c.subject() + ", issuer " + c.issuer() + ", valid to "
                            + c.notAfter() + (c.expired() ? " (EXPIRED)" : "")
                            + (Boolean.FALSE.equals(c.trusted()) ? " (not trusted by the JDK trust store)" : "")
                            + (Boolean.FALSE.equals(c.nameMatches()) ? " (name mismatch)" : ""), "  ", "    ");
                }
            }
        }
        return b.toString();
    }
}
