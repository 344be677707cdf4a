package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One YAML knowledge file. Data only: nothing in it is ever compiled or executed.
 *
 * @param knowledgeVersion format version, currently 1
 * @param overrides        partial finding definitions that replace text, severity, remediation or references of a
 *                         finding defined elsewhere (matched by id)
 * @param disable          ids of findings to switch off
 * @param exchangeBuilds   rows of the Exchange build table (build number to cumulative update name)
 * @param collect          items of the collection manifest (what the generated collection scripts export)
 * @param conditions       named, reusable pattern lists that conditions name with {@code use}
 * @param windowsReleases  rows of the Windows release table (release identification and SChannel defaults)
 * @param exoAddressRanges rows of the Exchange Online address table (the mail ranges Microsoft publishes)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KnowledgeFile(int knowledgeVersion, List<SymptomDefinition> symptoms, List<FindingDefinition> findings,
                            List<MissingEvidenceDefinition> missingEvidence, List<FindingDefinition> overrides,
                            List<String> disable, List<ExampleDefinition> examples,
                            List<ExchangeBuildDefinition> exchangeBuilds, List<CollectItemDefinition> collect,
                            List<ConditionDefinition> conditions, List<WindowsReleaseDefinition> windowsReleases,
                            List<ExoAddressRangeDefinition> exoAddressRanges) {

    public static final int VERSION = 1;

    public KnowledgeFile {
        symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
        findings = findings == null ? List.of() : List.copyOf(findings);
        missingEvidence = missingEvidence == null ? List.of() : List.copyOf(missingEvidence);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        disable = disable == null ? List.of() : List.copyOf(disable);
        examples = examples == null ? List.of() : List.copyOf(examples);
        exchangeBuilds = exchangeBuilds == null ? List.of() : List.copyOf(exchangeBuilds);
        collect = collect == null ? List.of() : List.copyOf(collect);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        windowsReleases = windowsReleases == null ? List.of() : List.copyOf(windowsReleases);
        exoAddressRanges = exoAddressRanges == null ? List.of() : List.copyOf(exoAddressRanges);
    }
}
