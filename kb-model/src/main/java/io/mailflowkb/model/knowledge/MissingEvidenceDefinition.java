package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Evidence to ask for when the inputs cannot decide: listed in the diagnosis when all {@link #when} patterns hold,
 * or all patterns of any list in {@link #alsoWhen}. {@code how} is either written out or, with {@code collect},
 * rendered from the named collection manifest items (so it cannot drift from the collection scripts).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MissingEvidenceDefinition(String id, String what, String why, String how, List<String> collect,
                                        List<PatternDefinition> when, List<List<PatternDefinition>> alsoWhen,
                                        @JsonIgnore SourceLocation at) implements Located<MissingEvidenceDefinition> {

    public MissingEvidenceDefinition {
        collect = collect == null ? List.of() : List.copyOf(collect);
        when = when == null ? List.of() : List.copyOf(when);
        alsoWhen = alsoWhen == null ? List.of() : alsoWhen.stream().map(List::copyOf).toList();
    }

    @Override
    public MissingEvidenceDefinition at(SourceLocation location) {
        return new MissingEvidenceDefinition(id, what, why, how, collect, when, alsoWhen, location);
    }
}
