package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.MissingEvidenceDefinition;
import java.util.List;

/** A missing-evidence definition with its conditions compiled: {@code when} first, then each {@code alsoWhen} list. */
public record CompiledMissingEvidence(MissingEvidenceDefinition definition, List<List<CompiledPattern>> conditions,
                                      String rule) {
    public String id() {
        return definition.id();
    }
}
