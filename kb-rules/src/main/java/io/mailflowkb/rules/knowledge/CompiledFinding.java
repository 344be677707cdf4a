package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.FindingDefinition;
import java.util.List;

/**
 * A finding definition after validation and overrides, with its conditions compiled: {@code conditions} holds
 * {@code when} first, then each {@code alsoWhen} list; the finding fires when any of them holds.
 *
 * @param rule       citation of the defining rule: {@code knowledge/tls-deprecation/findings/tls12-client-disabled/finding.yaml#tls12-client-disabled}
 * @param overriddenBy citations of override entries applied to it, in order
 */
public record CompiledFinding(FindingDefinition definition, List<List<CompiledPattern>> conditions, String rule,
                              boolean shipped, List<String> overriddenBy) {

    public String id() {
        return definition.id();
    }
}
