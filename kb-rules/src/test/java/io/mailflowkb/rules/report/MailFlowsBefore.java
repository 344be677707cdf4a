package io.mailflowkb.rules.report;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.FlowLink;
import io.mailflowkb.model.finding.FlowLink.State;
import io.mailflowkb.model.finding.Severity;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.UnexplainedFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** MailFlows as it was before its Exchange Online links were made without lists and joins (main ae3f3af). */
final class MailFlowsBefore {

    private MailFlowsBefore() {
    }

    /**
     * @param findings   the diagnosis's findings in report order (root cause first)
     * @param logFlows   per finding id, the directions the facts that proved it break ({@link #directionsOf}): a
     *                   finding the knowledge files under "both" but proven by send-log lines, or by a Client role
     *                   that cannot negotiate, is about sending
     */
    public static List<FlowLink> of(FactBundle bundle, List<Finding> findings, Map<String, Set<String>> logFlows) {
        List<FlowLink> out = new ArrayList<>();
        out.add(exchangeOnline(bundle, findings, logFlows, Direction.OUTBOUND));
        out.add(exchangeOnline(bundle, findings, logFlows, Direction.INBOUND));
        Map<String, List<ProbeResult>> byPeer = new TreeMap<>();
        bundle.probes().forEach(p -> byPeer.computeIfAbsent(p.target().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(p));
        byPeer.values().forEach(results -> out.add(probed(results, findings)));
        return out;
    }

    /**
     * The directions the facts among {@code facts} speak about: {@code outbound}, {@code inbound}. Log facts count
     * with the direction of their lines, an unexplained failure with its own direction (so unexplained-symptom over
     * receive-log failures alone does not claim to explain the sending flow too), and an SChannel role mismatch
     * with the direction of the role that fails (a Client that cannot negotiate TLS 1.2 breaks sending, not
     * receiving, although the finding is filed under "both").
     */
    public static Set<String> directionsOf(List<Object> facts) {
        Set<String> out = new TreeSet<>();
        for (Object o : facts) {
            FlowDirection d = o instanceof Symptom s ? s.direction() : o instanceof TlsOutcome t ? t.direction()
                    : o instanceof UnexplainedFailure u ? u.direction()
                    : o instanceof ProtocolMismatch m ? m.flowDirection() : FlowDirection.UNKNOWN;
            if (d != FlowDirection.UNKNOWN) {
                out.add(d.id());
            }
        }
        return out;
    }

    private static FlowLink exchangeOnline(FactBundle bundle, List<Finding> findings, Map<String, Set<String>> logFlows,
                                           Direction direction) {
        String dir = direction.id();
        long ok = 0;
        long failed = 0;
        for (TlsOutcome t : bundle.tlsOutcomes()) {
            if (dir.equals(t.direction().id()) && t.peerClass() == PeerClass.EXCHANGE_ONLINE) {
                if (t.result() == TlsResult.SUCCEEDED) {
                    ok += t.count();
                } else {
                    failed += t.count();
                }
            }
        }
        long symptoms = 0;
        for (Symptom s : bundle.symptoms()) {
            if (dir.equals(s.direction().id()) && s.peerClass() == PeerClass.EXCHANGE_ONLINE) {
                symptoms += s.count();
            }
        }
        List<String> explaining = new ArrayList<>();
        boolean critical = false;
        for (Finding f : findings) {
            Set<String> seen = logFlows.getOrDefault(f.id(), Set.of());
            boolean applies = seen.isEmpty() ? f.direction() == direction || f.direction() == Direction.BOTH
                    : seen.contains(dir);
            if (f.severity().failsRun() && applies && !aboutProbedPeersOnly(f)) {
                explaining.add(f.id());
                critical |= f.severity() == Severity.CRITICAL;
            }
        }
        List<String> basis = new ArrayList<>();
        if (failed > 0) {
            basis.add(failed + (failed == 1 ? " session" : " sessions") + " failed TLS");
        }
        if (symptoms > 0) {
            basis.add(symptoms + (symptoms == 1 ? " failure line" : " failure lines") + " in the logs");
        }
        if (ok > 0) {
            basis.add(ok + (ok == 1 ? " session" : " sessions") + " negotiated TLS");
        }
        State state;
        if (failed > 0 || symptoms > 0 || critical) {
            state = State.FAILS;
            if (basis.isEmpty()) {
                basis.add("the configuration findings say it cannot work");
            }
        } else if (ok > 0) {
            state = State.WORKS;
        } else {
            state = State.UNKNOWN;
            basis.add("no session with Exchange Online in the inputs");
        }
        return new FlowLink(FlowLink.EXCHANGE_ONLINE, direction, state, String.join("; ", basis),
                state == State.FAILS ? explaining : List.of());
    }

    private static FlowLink probed(List<ProbeResult> results, List<Finding> findings) {
        String target = results.get(0).target();
        boolean modern = results.stream().anyMatch(p -> p.succeeded()
                && ("TLS 1.2".equals(p.tlsVersion()) || "TLS 1.3".equals(p.tlsVersion())));
        List<String> parts = results.stream().map(p -> p.tlsVersion() + " " + p.outcome()).toList();
        boolean tried = results.stream().anyMatch(p -> !"disabled-locally".equals(p.outcome()));
        State state = modern ? State.WORKS : tried ? State.FAILS : State.UNKNOWN;
        List<String> explaining = new ArrayList<>();
        for (Finding f : findings) {
            if (f.evidence().stream().anyMatch(e -> e.source().equalsIgnoreCase("probe:" + target)
                    || e.source().toLowerCase(Locale.ROOT).startsWith(("probe:" + target).toLowerCase(Locale.ROOT)))) {
                explaining.add(f.id());
            }
        }
        return new FlowLink(target, Direction.OUTBOUND, state, "live probe: " + String.join(", ", parts),
                state == State.FAILS ? explaining : List.of());
    }

    /** A finding proven only by probes of particular peers says nothing about mail to Exchange Online. */
    static boolean aboutProbedPeersOnly(Finding f) {
        boolean any = false;
        for (Evidence e : f.evidence()) {
            if (e.kind() != Evidence.Kind.CORRELATION) {
                if (!citesProbe(e)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Whether the evidence's {@code source()} starts with {@code probe:}, without making that text: an input of six
     * characters or more decides alone; a shorter one ({@code probe} with a line number) is asked the long way.
     */
    private static boolean citesProbe(Evidence e) {
        String input = e.input();
        return input.length() >= PROBE.length() ? input.startsWith(PROBE) : e.source().startsWith(PROBE);
    }

    private static final String PROBE = "probe:";
}
