package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.Severity;
import java.util.List;

/**
 * A finding the knowledge can produce: when it fires ({@link #when}, all patterns must hold; or all patterns of any
 * list in {@link #alsoWhen}, for findings that different evidence can prove), what it says and how to fix it.
 * In an override, only the id and the fields being replaced are given.
 * {@link #fix} lists the registry values the remediation sets (target state), for generated fix scripts;
 * {@link #causedBy} the findings that can cause this one (root-cause links).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FindingDefinition(String id, Severity severity, Direction direction, String title, String summary,
                                List<PatternDefinition> when, List<List<PatternDefinition>> alsoWhen,
                                List<StepDefinition> remediation,
                                List<ReferenceDefinition> references, List<FixDefinition> fix,
                                CausedByDefinition causedBy, @JsonIgnore SourceLocation at) implements Located<FindingDefinition> {

    public FindingDefinition {
        when = when == null ? List.of() : List.copyOf(when);
        alsoWhen = alsoWhen == null ? List.of() : alsoWhen.stream().map(List::copyOf).toList();
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        references = references == null ? List.of() : List.copyOf(references);
        fix = fix == null ? List.of() : List.copyOf(fix);
    }

    @Override
    public FindingDefinition at(SourceLocation location) {
        return new FindingDefinition(id, severity, direction, title, summary, when, alsoWhen, remediation, references,
                fix, causedBy, location);
    }
}
