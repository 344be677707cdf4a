package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.spi.ExoAddressRanges;
import io.mailflowkb.rules.collect.CollectionManifest;
import io.mailflowkb.rules.derive.WindowsReleases;
import java.util.List;
import java.util.Optional;

/**
 * Everything loaded from the shipped and user knowledge folders, validated and merged. Immutable.
 * {@code exchangeBuilds} is the build table (build number to CU name), sorted by build; {@code collection} is the
 * collection manifest: every {@code collect:} item of every folder, in load order; {@code windowsReleases} is the
 * Windows release table (release names, build ranges, SChannel defaults); {@code exoAddressRanges} the Exchange
 * Online address table collectors receive with the symptoms.
 */
public record Knowledge(List<SymptomDefinition> symptoms, List<CompiledFinding> findings,
                        List<CompiledMissingEvidence> missingEvidence, List<KnowledgeExample> examples,
                        List<String> disabled, List<ExchangeBuildDefinition> exchangeBuilds,
                        CollectionManifest collection, WindowsReleases windowsReleases,
                        ExoAddressRanges exoAddressRanges) {

    public Knowledge {
        symptoms = List.copyOf(symptoms);
        findings = List.copyOf(findings);
        missingEvidence = List.copyOf(missingEvidence);
        examples = List.copyOf(examples);
        disabled = List.copyOf(disabled);
        exchangeBuilds = List.copyOf(exchangeBuilds);
    }

    public Optional<CompiledFinding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The root-cause links of the enabled findings ({@code causedBy:}), as facts for the correlation rules. */
    public List<RootCauses> rootCauses() {
        return findings.stream().filter(f -> f.definition().causedBy() != null)
                .map(f -> new RootCauses(f.id(), f.definition().causedBy().findings(),
                        f.definition().causedBy().otherwise()))
                .toList();
    }

    public Optional<KnowledgeExample> example(String name) {
        return examples.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
