package io.mailflowkb.rules.explain;

import java.util.List;

/**
 * The first pattern of one condition list that the facts did not satisfy.
 *
 * @param reason      what went wrong with it
 * @param factType    the fact type the pattern is about ({@code ProtocolState})
 * @param constraints its tests as the knowledge states them ({@code protocol = TLS 1.2}), in canonical order
 * @param found       how many facts satisfied the pattern
 * @param needed      for {@link Reason#TOO_FEW}: the count the pattern asks for; else {@code null}
 */
public record Unmet(Reason reason, String factType, List<String> constraints, long found, Integer needed) {

    public Unmet {
        constraints = List.copyOf(constraints);
    }

    public enum Reason {
        /** a present pattern matched no fact */
        NO_MATCH,
        /** an absence pattern ({@code absent: true}) matched a fact */
        PRESENT,
        /** a count pattern ({@code atLeast}) matched fewer facts than it needs */
        TOO_FEW
    }
}
