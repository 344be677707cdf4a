package io.mailflowkb.rules.engine;

import java.util.List;

/**
 * Inserted into working memory when a knowledge rule fires: which finding, and the facts its present patterns
 * matched (they become the evidence). Shipped DRL can reason over hits, e.g. to name a root cause.
 */
public record FindingHit(String findingId, List<Object> facts) {
    public FindingHit {
        facts = List.copyOf(facts);
    }
}
