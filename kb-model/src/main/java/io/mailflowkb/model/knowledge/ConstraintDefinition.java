package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One test on one field of a fact, from a closed set of operators (no expressions):
 * {@code equals}, {@code notEquals}, {@code in}, {@code notIn}, {@code atLeast}, {@code below} (numbers),
 * {@code versionAtLeast}, {@code versionBelow} (dotted versions), {@code matches} (bounded regex),
 * {@code contains} (case-insensitive substring), {@code exists}, {@code missing} (field is null).
 *
 * @param field  a field of the fact type, as listed by {@code kb rules fields}
 * @param op     the operator
 * @param value  the operand for single-value operators
 * @param values the operands for {@code in} / {@code notIn}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConstraintDefinition(String field, String op, Object value, List<Object> values,
                                   @JsonIgnore SourceLocation at) implements Located<ConstraintDefinition> {

    public ConstraintDefinition {
        values = values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public ConstraintDefinition at(SourceLocation location) {
        return new ConstraintDefinition(field, op, value, values, location);
    }
}
