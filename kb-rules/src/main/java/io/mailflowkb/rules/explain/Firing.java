package io.mailflowkb.rules.explain;

import java.util.List;

/**
 * One rule firing: the rule's name ({@code finding:tls12-client-disabled}, or a shipped DRL rule's name) and the
 * objects its patterns matched, in pattern order; empty when the rule matched no fact (a rule over absences).
 */
public record Firing(String rule, List<Matched> matched) {
    public Firing {
        matched = List.copyOf(matched);
    }
}
