package io.mailflowkb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailflowkb.cli.render.Format;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.rules.Diagnostician;
import java.io.UncheckedIOException;
import java.util.Map;

/** The {@code --explain} part of a report: rules that fired on which facts, and why other findings did not. */
final class Explanation {

    private Explanation() {
    }

    static String append(String report, Format format, Diagnostician.Explained e) {
        if (format == Format.JSON) {
            try {
                ObjectNode root = (ObjectNode) Mappers.json().readTree(report);
                root.set("explanation", Mappers.json().valueToTree(Map.of("fired", e.firedRules(),
                        "notFired", e.notFired())));
                return Mappers.json().writer(Mappers.prettyPrinter()).writeValueAsString(root) + "\n";
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        StringBuilder b = new StringBuilder(report).append("\nExplanation (rules that fired, in order):\n");
        e.firedRules().forEach(r -> b.append("  + ").append(r).append('\n'));
        b.append("Considered, did not fire:\n");
        e.notFired().forEach(r -> b.append("  - ").append(r).append('\n'));
        return b.toString();
    }
}
