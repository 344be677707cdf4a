package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.MissingEvidenceDefinition;
import java.util.List;

/** A missing-evidence definition with its conditions compiled. */
public record CompiledMissingEvidence(MissingEvidenceDefinition definition, List<CompiledPattern> when, String rule) {
    public String id() {
        return definition.id();
    }
}
