package io.mailflowkb.rules.knowledge;

import java.util.List;

/** A validated pattern: a fact type, its tests in canonical order, and whether it asks for presence, absence or a count. */
public record CompiledPattern(FactType<?> type, List<CompiledConstraint> constraints, boolean absent, Integer atLeast) {

    /** Present patterns per condition list: each one becomes an argument of the translated rule's consequence. */
    public static final int MAX_BOUND = 5;

    public boolean test(Object fact) {
        for (CompiledConstraint c : constraints) {
            if (!c.test(fact)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the matched fact is bound and shown as evidence (present patterns only). */
    public boolean binds() {
        return !absent && atLeast == null;
    }
}
