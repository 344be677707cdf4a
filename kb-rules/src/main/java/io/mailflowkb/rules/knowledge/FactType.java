package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.WireValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fact class knowledge files may name, with the fields they may test. Fields are declared by what they hold
 * ({@link #text}, {@link #number}, {@link #flag}, {@link #version}, {@link #choice}, {@link #list}): the kind
 * follows from the method, so a declaration cannot pair a getter with the wrong kind.
 */
public final class FactType<T> {

    private final String name;
    private final Class<T> type;
    private final String description;
    private final Map<String, FactField<T>> fields = new LinkedHashMap<>();

    FactType(String name, Class<T> type, String description) {
        this.name = name;
        this.type = type;
        this.description = description;
    }

    static <T> FactType<T> of(String name, Class<T> type, String description) {
        return new FactType<>(name, type, description);
    }

    FactType<T> text(String field, Function<T, String> getter, String description) {
        return add(field, FieldKind.TEXT, getter::apply, description, null);
    }

    /** A number; {@code Integer} getters are widened, as operands are parsed as {@code long}. */
    FactType<T> number(String field, Function<T, ? extends Number> getter, String description) {
        return add(field, FieldKind.NUMBER, f -> {
            Number n = getter.apply(f);
            return n == null ? null : n.longValue();
        }, description, null);
    }

    FactType<T> flag(String field, Function<T, Boolean> getter, String description) {
        return add(field, FieldKind.BOOLEAN, getter::apply, description, null);
    }

    FactType<T> version(String field, Function<T, String> getter, String description) {
        return add(field, FieldKind.VERSION, getter::apply, description, null);
    }

    /** A closed vocabulary: the documentation lists its spellings after {@code description}. */
    <E extends Enum<E> & WireValue> FactType<T> choice(String field, Class<E> choices, Function<T, E> getter,
                                                       String description) {
        return add(field, FieldKind.CHOICE, getter::apply, description, choices);
    }

    /** A list shown as text joined with {@code ", "}, so {@code contains} and {@code matches} work on it. */
    FactType<T> list(String field, Function<T, List<String>> getter, String description) {
        return add(field, FieldKind.TEXT, f -> {
            List<String> values = getter.apply(f);
            return values == null || values.isEmpty() ? null : String.join(", ", values);
        }, description, null);
    }

    private FactType<T> add(String field, FieldKind kind, Function<T, Object> getter, String description,
                            Class<? extends WireValue> choices) {
        fields.put(field, new FactField<>(field, kind, getter, description, choices));
        return this;
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public String description() {
        return description;
    }

    public Map<String, FactField<T>> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
