package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one probed peer did across the TLS versions tried (domain notes 7): {@code legacyOnly} when a TLS 1.0 or 1.1
 * handshake completed while TLS 1.2 was offered and failed at the peer (refused, reset or error; not when this
 * client could not offer it, nor when the connection itself failed).
 */
public record PeerTls(String target, boolean legacyOk, boolean modernOk, boolean modernRefused, boolean legacyOnly,
                      String summary, Provenance source) implements Derived {

    public static List<PeerTls> derive(List<?> probes) {
        Map<String, List<ProbeResult>> byTarget = new TreeMap<>();
        for (Object o : probes) {
            ProbeResult p = (ProbeResult) o;
            byTarget.computeIfAbsent(p.target().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(p);
        }
        List<PeerTls> out = new ArrayList<>();
        for (List<ProbeResult> results : byTarget.values()) {
            boolean legacy = false;
            boolean modern = false;
            boolean refused = false;
            List<String> parts = new ArrayList<>();
            for (ProbeResult p : results) {
                boolean isLegacy = p.tlsVersion().equals("TLS 1.0") || p.tlsVersion().equals("TLS 1.1");
                boolean isModern = p.tlsVersion().equals("TLS 1.2") || p.tlsVersion().equals("TLS 1.3");
                legacy |= isLegacy && p.succeeded();
                modern |= isModern && p.succeeded();
                refused |= p.tlsVersion().equals("TLS 1.2")
                        && List.of("refused", "reset", "error").contains(p.outcome());
                parts.add(p.tlsVersion() + " " + p.outcome());
            }
            boolean only = legacy && !modern && refused;
            out.add(new PeerTls(results.get(0).target(), legacy, modern, refused, only,
                    results.get(0).target() + ": " + String.join(", ", parts), results.get(0).source()));
        }
        return out;
    }

    @Override
    public List<RegistryValue> values() {
        return List.of();
    }

    @Override
    public String describe() {
        return summary + (legacyOnly ? " (completes handshakes only with TLS 1.0/1.1)" : "");
    }
}
