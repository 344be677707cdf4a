package io.mailflowkb.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.rules.Diagnostician;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Drools or KIE type appears in the public API: starting from {@link Diagnostician} and every public type of
 * kb-model, every public constructor, method and field signature (generic arguments included) is walked, and
 * every io.mailflowkb type it reaches is walked in turn.
 */
class PublicApiTest {

    @Test
    void noDroolsTypeInAnyPublicSignature() throws Exception {
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(Diagnostician.class);
        todo.addAll(modelTypes());
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<String> leaks = new ArrayList<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c) || !Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            List<String> signatures = new ArrayList<>();
            for (Method m : c.getMethods()) {
                signatures.add(describe(m, m.getGenericReturnType()));
            }
            for (Constructor<?> k : c.getConstructors()) {
                signatures.add(describe(k, null));
            }
            for (Field f : c.getFields()) {
                signatures.add(c.getName() + "." + f.getName() + ": " + f.getGenericType().getTypeName());
            }
            signatures.add(c.getName() + " extends " + (c.getGenericSuperclass() == null ? "" : c.getGenericSuperclass().getTypeName()));
            for (Type t : c.getGenericInterfaces()) {
                signatures.add(c.getName() + " implements " + t.getTypeName());
            }
            for (String s : signatures) {
                if (s.contains("org.drools") || s.contains("org.kie")) {
                    leaks.add(s);
                }
                for (String name : s.split("[^A-Za-z0-9_.$]+")) {
                    if (name.startsWith("io.mailflowkb.")) {
                        try {
                            todo.add(Class.forName(name.replace("...", "")));
                        } catch (ClassNotFoundException e) {
                            // a package prefix or a nested name spelled with '.': nested types are walked via getClasses
                        }
                    }
                }
            }
            todo.addAll(List.of(c.getClasses()));
        }
        assertThat(seen).as("walked").contains(Diagnostician.Explained.class, io.mailflowkb.model.finding.Finding.class);
        assertThat(leaks).isEmpty();
    }

    private static String describe(Executable e, Type returns) {
        StringBuilder b = new StringBuilder(e.getDeclaringClass().getName()).append('.').append(e.getName()).append('(');
        for (Type p : e.getGenericParameterTypes()) {
            b.append(p.getTypeName()).append(',');
        }
        b.append(')');
        if (returns != null) {
            b.append(": ").append(returns.getTypeName());
        }
        for (Type t : e.getGenericExceptionTypes()) {
            b.append(" throws ").append(t.getTypeName());
        }
        return b.toString();
    }

    /** Every class in kb-model, found from where the kb-model classes were loaded (a folder or a jar). */
    private static List<Class<?>> modelTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(io.mailflowkb.model.finding.Diagnosis.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class"))
                        .forEach(p -> names.add(root.relativize(p).toString().replace(java.io.File.separatorChar, '.')));
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class"))
                        .forEach(n -> names.add(n.replace('/', '.')));
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String n : names) {
            String className = n.substring(0, n.length() - ".class".length());
            if (className.startsWith("io.mailflowkb.model") && !className.endsWith("package-info")) {
                types.add(Class.forName(className));
            }
        }
        assertThat(types).hasSizeGreaterThan(20);
        return types;
    }
}
