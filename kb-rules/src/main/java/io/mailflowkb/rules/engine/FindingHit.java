package io.mailflowkb.rules.engine;

import io.mailflowkb.rules.derive.PeerTls;
import io.mailflowkb.rules.derive.UnexplainedFailure;
import java.util.List;

/**
 * Inserted into working memory when a knowledge rule fires: which finding, and the facts its present patterns
 * matched (they become the evidence). Shipped DRL can reason over hits, e.g. to name a root cause.
 */
public record FindingHit(String findingId, List<Object> facts) {
    public FindingHit {
        facts = List.copyOf(facts);
    }

    /**
     * Whether this hit cites the fact as evidence, directly or through a derived fact built from it (a probed
     * peer's summary cites its probe connections). An {@code unexplained-symptom} hit does not count: it lists
     * the fact precisely because nothing else explains it.
     */
    public boolean cites(Object fact) {
        for (Object f : facts) {
            if (f instanceof UnexplainedFailure) {
                continue;
            }
            if (f.equals(fact) || f instanceof PeerTls p && p.probes().contains(fact)) {
                return true;
            }
        }
        return false;
    }
}
