package io.mailflowkb.rules.explain;

import java.util.List;

/**
 * A finding that did not fire, and why: for each of its condition lists ({@code when}, then each {@code alsoWhen}),
 * the first pattern the facts did not satisfy. Empty {@code unmet} means every condition held and still no rule
 * fired (which would be an engine fault worth reporting).
 */
public record NotFired(String findingId, List<Unmet> unmet) {
    public NotFired {
        unmet = List.copyOf(unmet);
    }
}
