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
 * Chooses and orders a finding's remediation steps for the evidence at hand (issue 11, build items 4 and 6):
 * <ul>
 *   <li>steps marked {@code about: local} (this organisation's server, e.g. Exchange cmdlets) are shown only when
 *       some evidence is about this server; {@code about: peer} steps only when some evidence is a probed peer,
 *       with {@code <peer>} replaced by the probed host, so a probed peer's administrator is addressed by name;</li>
 *   <li>the generic "install the latest updates" step ({@code generic: true}) goes first only when the Exchange
 *       build is unknown or below the TLS 1.2 baseline; otherwise the step that fixes this finding on this
 *       server comes first ("Do this first") and the generic one after the specific ones.</li>
 * </ul>
 */
final class RemediationPlan {

    private RemediationPlan() {
    }

    static List<RemediationStep> steps(List<StepDefinition> definitions, List<FindingHit> hits,
                                       ExchangeBaseline baseline) {
        TreeSet<String> peers = new TreeSet<>();
        boolean local = hits.isEmpty();
        for (FindingHit h : hits) {
            for (Object f : h.facts()) {
                String peer = peerOf(f);
                if (peer != null) {
                    peers.add(peer);
                } else {
                    local = true;
                }
            }
        }
        boolean updatesFirst = baseline == null || !"supported".equals(baseline.tls12());
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
            List<String> commands = s.commands().stream().map(c -> named(c, s, peers)).toList();
            out.add(new RemediationStep(out.size() + 1, named(s.text(), s, peers), commands));
        }
        return out;
    }

    /** {@code <peer>} in a peer step names the probed host(s); other steps keep the placeholder as written. */
    private static String named(String text, StepDefinition s, TreeSet<String> peers) {
        if (!"peer".equals(s.about()) || peers.isEmpty() || text == null) {
            return text;
        }
        return text.replace("<peer>", String.join(", ", peers));
    }

    /** The probed host a fact is about, or {@code null} for evidence about this server. */
    private static String peerOf(Object f) {
        if (f instanceof PeerTls p) {
            return p.host();
        }
        if (f instanceof ProbeResult p) {
            return ProbeHosts.host(p.target());
        }
        if (f instanceof ProbeCertificate c) {
            return ProbeHosts.host(c.target());
        }
        return null;
    }
}
