package io.mailflowkb.rules.engine;

import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.knowledge.StepDefinition;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.PeerTls;
import io.mailflowkb.rules.derive.ProbeHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Chooses and orders a finding's remediation steps for the evidence at hand
 * (docs/knowledge-format.md, a step's {@code about} and {@code generic}):
 * <ul>
 *   <li>steps marked {@code about: local} (this organisation's server, e.g. Exchange cmdlets) are shown only when
 *       some evidence is about this server; {@code about: peer} steps only when some evidence is a probed peer,
 *       with {@code <peer>} replaced by the probed host and {@code <target>} by the probed host:port ({@code <port>}: the port), so a probed
 *       peer's administrator is addressed by name;</li>
 *   <li>the generic "install the latest updates" step ({@code generic: true}) goes first only when the Exchange
 *       build is unknown or below the TLS 1.2 baseline; otherwise the step that fixes this finding on this
 *       server comes first ("Do this first") and the generic one after the specific ones.</li>
 * </ul>
 * One plan per finding definition: without a probed peer among the evidence the steps are the same for every
 * diagnosis with the same two answers (evidence about this server, updates first), so they are made once.
 */
final class RemediationPlan {

    private final List<StepDefinition> definitions;
    /**
     * The steps when no evidence is a probed peer, by {@link #variant}: they then depend only on whether some
     * evidence is about this server and whether updates go first, so each of the four is made once (a warm
     * diagnosis made them per finding, a stream per step). Immutable, shared by concurrent runs (a benign race).
     */
    @SuppressWarnings("unchecked")
    private final List<RemediationStep>[] withoutPeers = new List[4];

    RemediationPlan(List<StepDefinition> definitions) {
        this.definitions = definitions;
    }

    /** The steps for these hits: what {@link #steps(List, List, ExchangeBaseline)} gives, made once where it can. */
    List<RemediationStep> steps(List<FindingHit> hits, ExchangeBaseline baseline) {
        boolean local = hits.isEmpty();
        boolean peer = false;
        for (FindingHit h : hits) {
            for (Object f : h.facts()) {
                if (targetOf(f) != null) {
                    peer = true;
                } else {
                    local = true;
                }
            }
        }
        if (peer) {
            return steps(definitions, hits, baseline);
        }
        boolean updatesFirst = updatesFirst(baseline);
        int variant = variant(local, updatesFirst);
        List<RemediationStep> steps = withoutPeers[variant];
        if (steps == null) {
            steps = List.copyOf(ordered(definitions, local, new TreeSet<>(), new TreeSet<>(), updatesFirst));
            withoutPeers[variant] = steps;
        }
        return steps;
    }

    private static int variant(boolean local, boolean updatesFirst) {
        return (local ? 2 : 0) + (updatesFirst ? 1 : 0);
    }

    private static boolean updatesFirst(ExchangeBaseline baseline) {
        return baseline == null || baseline.tls12() != io.mailflowkb.rules.derive.TlsSupport.SUPPORTED;
    }

    static List<RemediationStep> steps(List<StepDefinition> definitions, List<FindingHit> hits,
                                       ExchangeBaseline baseline) {
        TreeSet<String> peers = new TreeSet<>();
        TreeSet<String> targets = new TreeSet<>();
        boolean local = hits.isEmpty();
        for (FindingHit h : hits) {
            for (Object f : h.facts()) {
                String target = targetOf(f);
                if (target != null) {
                    peers.add(ProbeHosts.host(target));
                    targets.add(target);
                } else {
                    local = true;
                }
            }
        }
        return ordered(definitions, local, peers, targets, updatesFirst(baseline));
    }

    private static List<RemediationStep> ordered(List<StepDefinition> definitions, boolean local,
                                                 TreeSet<String> peers, TreeSet<String> targets,
                                                 boolean updatesFirst) {
        List<StepDefinition> specific = new ArrayList<>();
        List<StepDefinition> generic = new ArrayList<>();
        for (StepDefinition s : definitions) {
            if ("local".equals(s.about()) && !local || "peer".equals(s.about()) && peers.isEmpty()) {
                continue;
            }
            (s.isGeneric() ? generic : specific).add(s);
        }
        List<StepDefinition> ordered = new ArrayList<>();
        if (updatesFirst) {
            ordered.addAll(generic);
            ordered.addAll(specific);
        } else {
            ordered.addAll(specific);
            ordered.addAll(generic);
        }
        List<RemediationStep> out = new ArrayList<>();
        for (StepDefinition s : ordered) {
            List<String> commands = s.commands().stream().map(c -> named(c, s, peers, targets)).toList();
            out.add(new RemediationStep(out.size() + 1, named(s.text(), s, peers, targets), commands));
        }
        return out;
    }

    /** {@code <peer>} and {@code <target>} in a peer step name the probed peer(s); other steps keep them as written. */
    private static String named(String text, StepDefinition s, TreeSet<String> peers, TreeSet<String> targets) {
        if (!"peer".equals(s.about()) || peers.isEmpty() || text == null) {
            return text;
        }
        TreeSet<String> ports = new TreeSet<>();
        targets.forEach(t -> ports.add(t.substring(t.lastIndexOf(':') + 1)));
        return text.replace("<peer>", String.join(", ", peers)).replace("<target>", String.join(" ", targets))
                .replace("<port>", String.join(",", ports));
    }

    /** The probed host:port a fact is about, or {@code null} for evidence about this server. */
    private static String targetOf(Object f) {
        if (f instanceof PeerTls p) {
            return p.target();
        }
        if (f instanceof ProbeResult p) {
            return p.target();
        }
        if (f instanceof ProbeCertificate c) {
            return c.target();
        }
        return null;
    }
}
