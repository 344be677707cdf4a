package io.mailflowkb.model.bundle;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BasicBeanDescription;
import com.fasterxml.jackson.databind.introspect.BasicClassIntrospector;
import com.fasterxml.jackson.databind.introspect.ClassIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Collection;
import java.util.Map;

/**
 * Serializes the JDK's own list, set and map classes without looking at them as beans first. Jackson already skips
 * that for {@code java.util.ArrayList} and the like, but not for the JDK's nested classes, which are what
 * {@code List.of}, {@code List.copyOf}, {@code Map.of} and {@code Collections.unmodifiable*} return: for each such
 * class and element type a diagnosis holds it collected every method of the class and its supertypes, only to find
 * no {@code @JsonValue} on any (no JDK class has Jackson annotations). On a cold JVM that was a third of rendering
 * a diagnosis to JSON (docs/perf.md, start-up). The output is the same: a collection's serializer comes from its
 * type and the class's annotations, both still read; only the bean properties, which a collection never uses, are
 * not collected. A class with a mix-in keeps the full look.
 */
final class JdkCollections extends BasicClassIntrospector {

    /** The module that installs it on a mapper. */
    static SimpleModule module() {
        return new SimpleModule("kb-jdk-collections") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.setClassIntrospector(new JdkCollections());
            }
        };
    }

    @Override
    public ClassIntrospector copy() {
        return new JdkCollections();
    }

    @Override
    public BasicBeanDescription forSerialization(SerializationConfig config, JavaType type, MixInResolver r) {
        Class<?> raw = type.getRawClass();
        if (type.isContainerType() && !type.isArrayType() && isJdkContainer(raw)
                && (r == null || r.findMixInClassFor(raw) == null)) {
            return BasicBeanDescription.forOtherUse(config, type, _resolveAnnotatedClass(config, type, r));
        }
        return super.forSerialization(config, type, r);
    }

    /** Whether {@code raw} is one of the JDK's own list, set or map classes (public or nested; none is annotated). */
    static boolean isJdkContainer(Class<?> raw) {
        return raw.getName().startsWith("java.util.")
                && (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw));
    }
}
