package io.mailflowkb.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.rules.explain.Firing;
import io.mailflowkb.rules.explain.Matched;
import io.mailflowkb.rules.explain.NotFired;
import io.mailflowkb.rules.explain.Trace;
import io.mailflowkb.rules.explain.Unmet;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code --explain} part of a report, in words, from the engine's {@link Trace}: one line per rule that fired
 * ({@code rule <- the facts it matched}) and one per finding that did not ({@code id: no ProtocolState with ...}).
 * Text reports get a section after the report; JSON reports an {@code explanation} object with the same lines.
 */
public final class TraceRenderer {

    private TraceRenderer() {
    }

    /** {@code report} (as {@code format} rendered it) with the explanation added. */
    public static String append(String report, Format format, Trace trace) {
        List<String> fired = trace.fired().stream().map(TraceRenderer::line).toList();
        List<String> notFired = trace.notFired().stream().map(TraceRenderer::line).toList();
        if (format == Format.JSON) {
            try {
                ObjectNode root = (ObjectNode) Mappers.json().readTree(report);
                root.set("explanation", Mappers.json().valueToTree(Map.of("fired", fired, "notFired", notFired)));
                return Mappers.json().writer(Mappers.prettyPrinter()).writeValueAsString(root) + "\n";
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        StringBuilder b = new StringBuilder(report).append("\nExplanation (rules that fired, in order):\n");
        fired.forEach(r -> b.append("  + ").append(r).append('\n'));
        b.append("Considered, did not fire:\n");
        notFired.forEach(r -> b.append("  - ").append(r).append('\n'));
        return b.toString();
    }

    /** {@code finding:tls12-client-disabled <- ProtocolState ...; RegistryValue ...}. */
    static String line(Firing f) {
        List<String> on = f.matched().stream().map(TraceRenderer::words).toList();
        return f.rule() + " <- " + (on.isEmpty() ? "(no facts)" : String.join("; ", on));
    }

    /** {@code tls12-client-disabled: no ProtocolState with protocol = TLS 1.2; or only 1 Symptom ... (needs 2)}. */
    static String line(NotFired n) {
        List<String> reasons = n.unmet().stream().map(TraceRenderer::words).toList();
        return n.findingId() + ": "
                + (reasons.isEmpty() ? "conditions hold but no rule fired" : String.join("; or ", reasons));
    }

    private static String words(Matched m) {
        return m.isCollection() ? "(" + m.collected() + " collected)" : m.fact();
    }

    private static String words(Unmet u) {
        String what = u.factType() + (u.constraints().isEmpty() ? "" : " with " + String.join(", ", u.constraints()));
        return switch (u.reason()) {
            case NO_MATCH -> "no " + what;
            case PRESENT -> "a " + what + " exists (the rule needs it absent)";
            case TOO_FEW -> "only " + u.found() + " " + what + " (needs " + u.needed() + ")";
        };
    }
}
