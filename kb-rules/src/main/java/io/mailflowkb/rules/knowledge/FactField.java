package io.mailflowkb.rules.knowledge;

import java.util.function.Function;

/** One field of a fact type that knowledge files may test. */
public record FactField<T>(String name, FieldKind kind, Function<T, Object> getter, String description) {
}
