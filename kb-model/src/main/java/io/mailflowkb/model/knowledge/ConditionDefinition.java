package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A named, reusable list of patterns (top-level {@code conditions:}): a finding's or missing-evidence item's
 * condition list names it with {@code - use: NAME} instead of repeating the patterns. Its patterns may use other
 * conditions; a cycle or an unknown name is a validation error.
 *
 * @param name        unique across all knowledge folders, 2-64 chars of {@code a-z 0-9 . -}
 * @param description what it says about the facts, in words (shown to authors only)
 * @param when        the patterns, spliced where it is used
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConditionDefinition(String name, String description, List<PatternDefinition> when,
                                  @JsonIgnore SourceLocation at) implements Located<ConditionDefinition> {

    public ConditionDefinition {
        when = when == null ? List.of() : List.copyOf(when);
    }

    @Override
    public ConditionDefinition at(SourceLocation location) {
        return new ConditionDefinition(name, description, when, location);
    }
}
