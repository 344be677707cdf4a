package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one probed peer did across the TLS versions tried (findings peer-legacy-tls-only and peer-unreachable in
 * knowledge/): {@code legacyOnly} when a TLS 1.0 or 1.1
 * handshake completed while TLS 1.2 was offered and failed at the peer (refused, reset or error; not when this
 * client could not offer it, nor when the connection itself failed); {@code unreachable} when no attempt gave a
 * usable answer (every version timed out, was reset, refused or failed before or during the handshake; a peer
 * that answers EHLO without STARTTLS is not unreachable, it is {@code starttls-not-offered}).
 *
 * @param probes the probe connections this summary rests on (their evidence is its evidence)
 */
public record PeerTls(String target, boolean legacyOk, boolean modernOk, boolean modernRefused, boolean legacyOnly,
                      boolean unreachable, String summary, List<ProbeResult> probes, Provenance source)
        implements Derived {

    /** Outcomes that mean the peer gave no usable answer on that connection. */
    static final Set<String> NO_ANSWER = Set.of("timeout", "connect-failed", "reset", "refused", "error",
            "starttls-rejected");

    public PeerTls {
        probes = List.copyOf(probes);
    }

    public static List<PeerTls> derive(List<?> probes) {
        Map<String, List<ProbeResult>> byTarget = new TreeMap<>();
        for (Object o : probes) {
            ProbeResult p = (ProbeResult) o;
            byTarget.computeIfAbsent(p.target().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(p);
        }
        List<PeerTls> out = new ArrayList<>();
        for (List<ProbeResult> results : byTarget.values()) {
            results.sort(java.util.Comparator.comparing(ProbeResult::tlsVersion));
            boolean legacy = false;
            boolean modern = false;
            boolean refused = false;
            boolean anyFailed = false;
            boolean anyAnswer = false;
            List<String> parts = new ArrayList<>();
            for (ProbeResult p : results) {
                boolean isLegacy = p.tlsVersion().equals("TLS 1.0") || p.tlsVersion().equals("TLS 1.1");
                boolean isModern = p.tlsVersion().equals("TLS 1.2") || p.tlsVersion().equals("TLS 1.3");
                legacy |= isLegacy && p.succeeded();
                modern |= isModern && p.succeeded();
                refused |= p.tlsVersion().equals("TLS 1.2")
                        && List.of("refused", "reset", "error").contains(p.outcome());
                anyFailed |= NO_ANSWER.contains(p.outcome());
                anyAnswer |= !NO_ANSWER.contains(p.outcome()) && !"disabled-locally".equals(p.outcome());
                parts.add(p.tlsVersion() + " " + p.outcome());
            }
            boolean only = legacy && !modern && refused;
            boolean unreachable = anyFailed && !anyAnswer;
            out.add(new PeerTls(results.get(0).target(), legacy, modern, refused, only, unreachable,
                    results.get(0).target() + ": " + String.join(", ", parts), results, results.get(0).source()));
        }
        return out;
    }

    /** The probed host without the port, for remediation addressed to the peer's administrator. */
    public String host() {
        return ProbeHosts.host(target);
    }

    @Override
    public List<RegistryValue> values() {
        return List.of();
    }

    @Override
    public String describe() {
        return summary + (legacyOnly ? " (completes handshakes only with TLS 1.0/1.1)"
                : unreachable ? " (no usable answer on any TLS version tried)" : "");
    }
}
