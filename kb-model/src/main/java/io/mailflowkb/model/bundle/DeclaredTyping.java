package io.mailflowkb.model.bundle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * Writes a record by its components' declared types when no value can have another JSON type: every component is
 * a record, an enum, a final class or a primitive, or a JDK list, set or map of those. Jackson writes a property of
 * a non-final type ({@code List<Finding>}) by the class each value turns out to have, so the first write of a
 * {@link io.mailflowkb.model.finding.Diagnosis} built a serializer for every {@code ImmutableCollections$ListN<...>}
 * it met, resolving the type of each, on a cold {@code kb diagnose}'s critical path (docs/perf.md, start-up); by
 * declared types those serializers are built with the record's, ahead of the render. The bytes are the same: an
 * element's type is its declared one, and a JDK collection is written as its elements whatever its class. A record
 * with any other component (an interface, {@code Object}, a list of those), or with its own
 * {@code @JsonSerialize}, is written as before.
 */
final class DeclaredTyping extends NopAnnotationIntrospector {

    /** The module that puts it before Jackson's own annotation reading. */
    static SimpleModule module() {
        return new SimpleModule("kb-declared-typing") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.insertAnnotationIntrospector(new DeclaredTyping());
            }
        };
    }

    @Override
    public JsonSerialize.Typing findSerializationTyping(Annotated a) {
        if (a instanceof AnnotatedClass c && c.getRawType().isRecord() && !c.hasAnnotation(JsonSerialize.class)
                && closedRecord(c.getRawType())) {
            return JsonSerialize.Typing.STATIC;
        }
        return null;
    }

    /** Whether every written component of {@code record} has exactly its declared JSON type (see the class comment). */
    static boolean closedRecord(Class<?> record) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue; // not written
            }
            if (!closed(c.getGenericType())) {
                return false;
            }
        }
        return true;
    }

    /** A class as {@link #closed(Class)} says, a primitive, or a JDK list, set or map of closed types. */
    private static boolean closed(Type t) {
        if (t instanceof Class<?> k) {
            return k.isPrimitive() || closed(k);
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && JdkCollections.isJdkContainer(raw)) {
            for (Type argument : p.getActualTypeArguments()) {
                if (!closed(argument)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A type every value of which is written as that type: no subclass can add or change properties. */
    private static boolean closed(Class<?> c) {
        return c.isEnum() || c.isRecord() || !c.isInterface() && !c.isArray() && Modifier.isFinal(c.getModifiers());
    }
}
