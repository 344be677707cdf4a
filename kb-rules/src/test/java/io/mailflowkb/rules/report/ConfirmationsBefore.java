package io.mailflowkb.rules.report;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.finding.Confirmation;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.TlsSupport;
import io.mailflowkb.rules.derive.ProtocolState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Confirmations as they were before the fifth round of issue 17 (the text unchanged but for its name), for
 * {@code ReportEquivalenceTest}.
 *
 * <p>What the inputs show to be right, and what they do not cover, from the facts the engine derived: the effective
 * SChannel state of TLS 1.2 ({@link ProtocolState}), the Exchange build baseline, successful TLS sessions in the
 * protocol logs ({@link TlsOutcome}) and successful probes. Positive statements only: problems are findings.
 */
final class ConfirmationsBefore {

    /** The confirmed states, then what was not looked at, each in a fixed order. */
    public record Result(List<Confirmation> confirmed, List<String> notExamined) {
    }

    private ConfirmationsBefore() {
    }

    public static Result of(FactBundle bundle, Collection<?> sessionObjects) {
        List<Confirmation> out = new ArrayList<>();
        List<String> notExamined = new ArrayList<>();
        Map<String, ProtocolState> states = new TreeMap<>();
        for (Object o : sessionObjects) {
            if (o instanceof ProtocolState s) {
                states.put(s.protocol() + "/" + s.role(), s);
            }
        }
        ProtocolState client = states.get("TLS 1.2/client");
        ProtocolState server = states.get("TLS 1.2/server");
        boolean clientOn = client != null && client.state() == ProtocolState.State.ENABLED;
        boolean serverOn = server != null && server.state() == ProtocolState.State.ENABLED;
        if (clientOn || serverOn) {
            List<ProtocolState> on = new ArrayList<>();
            if (clientOn) {
                on.add(client);
            }
            if (serverOn) {
                on.add(server);
            }
            boolean byDefault = on.stream().anyMatch(s -> s.basis() == ProtocolState.Basis.OS_DEFAULT);
            String windows = on.get(0).windows();
            out.add(new Confirmation("TLS 1.2 " + (clientOn && serverOn ? "Client and Server" : clientOn ? "Client"
                    : "Server") + " enabled" + (byDefault && windows != null ? " (the " + windows + " default applies "
                    + "where no value is set)" : ""), span(on)));
        }
        HostProfile host = bundle.host() == null ? HostProfile.UNKNOWN : bundle.host();
        // the one the rules derived (from the knowledge's build table), not a second derivation
        ExchangeBaseline baseline = sessionObjects.stream().filter(ExchangeBaseline.class::isInstance)
                .map(ExchangeBaseline.class::cast).findFirst().orElse(null);
        if (baseline != null && baseline.tls12() == TlsSupport.SUPPORTED && host.exchangeBuild() != null) {
            out.add(new Confirmation("Exchange build " + host.exchangeBuild() + " can use TLS 1.2 on SMTP",
                    host.source().source().startsWith("(") ? "the host profile" : host.source().location()));
        }
        Map<String, long[]> sessions = new TreeMap<>();
        Map<String, Set<String>> files = new TreeMap<>();
        for (TlsOutcome t : bundle.tlsOutcomes()) {
            if (t.result() == TlsResult.SUCCEEDED && t.protocol() != null) {
                String key = t.direction().id() + "\u0000" + t.peerClass().id() + "\u0000" + t.protocol();
                sessions.computeIfAbsent(key, k -> new long[1])[0] += t.count();
                t.samples().forEach(p -> files.computeIfAbsent(key, k -> new TreeSet<>()).add(p.source()));
            }
        }
        sessions.forEach((key, n) -> {
            String[] k = key.split("\u0000");
            String peer = switch (k[1]) {
                case "exchange-online" -> "Exchange Online";
                case "other" -> "other servers";
                default -> "servers of unknown kind";
            };
            String verb = "inbound".equals(k[0]) ? "accepted from " : "negotiated with ";
            String flow = "unknown".equals(k[0]) ? "" : k[0] + " ";
            out.add(new Confirmation(k[2] + " " + verb + peer + " in " + n[0] + " " + flow
                    + (n[0] == 1 ? "session" : "sessions"), String.join(", ", files.get(key))));
        });
        for (ProbeResult p : bundle.probes()) {
            if (p.succeeded() && ("TLS 1.2".equals(p.tlsVersion()) || "TLS 1.3".equals(p.tlsVersion()))) {
                out.add(new Confirmation(p.target() + " completed a " + p.tlsVersion() + " handshake after STARTTLS"
                        + " (live probe, Java's TLS stack)", p.source().location()));
            }
        }

        if (client == null || client.basis() == ProtocolState.Basis.UNKNOWN && client.values().isEmpty()) {
            notExamined.add("SChannel protocol settings: no SCHANNEL registry export among the inputs");
        }
        if (host.windowsProduct() == null && host.windowsBuild() == null) {
            notExamined.add("Windows release: no Windows NT\\CurrentVersion export among the inputs");
        }
        if (host.exchangeBuild() == null) {
            notExamined.add("Exchange build: no ExchangeServer Setup export among the inputs");
        }
        if (bundle.tlsOutcomes().isEmpty()) {
            notExamined.add("TLS sessions: no Exchange protocol log with TLS lines among the inputs");
        }
        if (bundle.events().isEmpty()) {
            notExamined.add("SChannel events: no System log export with SChannel events among the inputs");
        }
        if (bundle.probes().isEmpty()) {
            notExamined.add("Live probes of peers: none were run");
        }
        return new Result(out, notExamined);
    }

    /** {@code schannel.reg:12-20} for values from one file, else each value's location. */
    static String span(List<ProtocolState> states) {
        List<Provenance> at = new ArrayList<>();
        for (ProtocolState s : states) {
            if (s.values().isEmpty()) {
                at.add(s.source());
            }
            for (RegistryValue v : s.values()) {
                at.add(v.source());
            }
        }
        Set<String> sources = new TreeSet<>();
        at.forEach(p -> sources.add(p.source()));
        if (sources.size() == 1 && at.stream().allMatch(p -> p.line() != null)) {
            int min = at.stream().mapToInt(Provenance::line).min().orElseThrow();
            int max = at.stream().mapToInt(Provenance::line).max().orElseThrow();
            return at.get(0).source() + ":" + (min == max ? String.valueOf(min) : min + "-" + max);
        }
        Set<String> each = new TreeSet<>();
        at.forEach(p -> each.add(p.location()));
        return String.join(", ", each);
    }
}
