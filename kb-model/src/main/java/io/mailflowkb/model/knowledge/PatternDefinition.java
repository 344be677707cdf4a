package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A condition on the facts: "a fact of this type whose fields pass all these tests exists" (the default), "no
 * such fact exists" ({@code absent: true}), or "at least {@code atLeast} such facts exist". An entry with only {@code use} stands for the patterns of the
 * named {@link ConditionDefinition}.
 *
 * @param fact  the fact type, e.g. {@code ProtocolState}, {@code Symptom}, {@code RegistryValue}
 * @param where the tests, all of which must hold
 * @param use   the name of a {@link ConditionDefinition} whose patterns this entry stands for (nothing else given)
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record PatternDefinition(String fact, List<ConstraintDefinition> where, boolean absent, Integer atLeast,
                                String use, @JsonIgnore SourceLocation at) implements Located<PatternDefinition> {

    public PatternDefinition {
        where = where == null ? List.of() : List.copyOf(where);
    }

    @Override
    public PatternDefinition at(SourceLocation location) {
        return new PatternDefinition(fact, where, absent, atLeast, use, location);
    }
}
