package io.mailflowkb.rules.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A fact class knowledge files may name, with the fields they may test. */
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

    FactType<T> field(String field, FieldKind kind, Function<T, Object> getter, String description) {
        fields.put(field, new FactField<>(field, kind, getter, description));
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
        return java.util.Collections.unmodifiableMap(fields);
    }
}
