package io.mailflowkb.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DeclaredTyping}: which records it writes by declared types (the diagnosis's, so a cold render builds no
 * serializer per list class; records with an open component keep runtime types), and that the bytes are those of
 * a mapper without it, for seeded random values of closed and open records in JSON and YAML.
 */
class DeclaredTypingTest {

    enum Level { LOW, HIGH { } } // HIGH is a subclass of Level: still an enum, still closed

    record Leaf(String name, Integer n, Level level, List<String> tags, @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> notes) {
    }

    record Closed(List<Leaf> leaves, Map<String, List<Integer>> table, Set<Level> levels, Leaf first, long count,
                  @JsonIgnore Object hidden) {
    }

    interface Shape {
    }

    record Square(int side) implements Shape {
    }

    record Circle(int radius, String label) implements Shape {
    }

    /** Open: its shapes must be written by their own classes (a Circle has a label a Shape does not). */
    record Open(List<Shape> shapes, Shape main, Closed closed) {
    }

    @Test
    void theDiagnosisRecordsAreClosedAndRecordsWithOpenComponentsAreNot() {
        List<Class<?>> open = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        reach(Diagnosis.class, seen);
        for (Class<?> c : seen) {
            if (!DeclaredTyping.closedRecord(c)) {
                open.add(c);
            }
        }
        assertTrue(seen.contains(Finding.class) && seen.size() >= 10, seen::toString);
        assertEquals(List.of(), open);
        assertTrue(DeclaredTyping.closedRecord(Closed.class));
        assertTrue(DeclaredTyping.closedRecord(Leaf.class));
        assertFalse(DeclaredTyping.closedRecord(Open.class));
    }

    private static void reach(Class<?> record, Set<Class<?>> seen) {
        if (!record.isRecord() || !seen.add(record)) {
            return;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            if (c.getGenericType() instanceof ParameterizedType p) {
                for (var a : p.getActualTypeArguments()) {
                    if (a instanceof Class<?> k) {
                        reach(k, seen);
                    }
                }
            } else {
                reach(c.getType(), seen);
            }
        }
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 15_485_863L * i + 17);
    }

    private static <T> List<T> shaped(Random r, List<T> items) {
        return switch (r.nextInt(4)) {
            case 0 -> new ArrayList<>(items);
            case 1 -> List.copyOf(items);
            case 2 -> Collections.unmodifiableList(new ArrayList<>(items));
            default -> new ArrayList<>(items).subList(0, items.size());
        };
    }

    private static Leaf leaf(Random r) {
        String[] words = {"a", "b c", "é", "\"q\"", "", "x:y"};
        List<String> tags = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
            tags.add(words[r.nextInt(words.length)]);
        }
        return new Leaf(r.nextBoolean() ? null : words[r.nextInt(words.length)], r.nextBoolean() ? null : r.nextInt(50),
                r.nextInt(3) == 0 ? null : Level.values()[r.nextInt(2)], shaped(r, tags),
                r.nextBoolean() ? List.of() : shaped(r, tags));
    }

    private static Closed closed(Random r) {
        List<Leaf> leaves = new ArrayList<>();
        Map<String, List<Integer>> table = new TreeMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            leaves.add(leaf(r));
            table.put("k" + r.nextInt(9), shaped(r, List.of(r.nextInt(9))));
        }
        return new Closed(shaped(r, leaves), r.nextBoolean() ? Map.copyOf(table) : table,
                r.nextBoolean() ? Set.of() : Set.of(Level.HIGH), r.nextBoolean() ? null : leaf(r), r.nextLong(), "x");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameBytesWithAndWithout(long seed) throws Exception {
        Random r = new Random(seed);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Closed c = closed(r);
            List<Shape> shapes = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                shapes.add(r.nextBoolean() ? new Square(r.nextInt(9)) : new Circle(r.nextInt(9), "c" + k));
            }
            values.add(c);
            values.add(new Open(shaped(r, shapes), r.nextBoolean() ? new Circle(1, "main") : new Square(2), c));
            values.add(new Evidence(Evidence.Kind.LINE, "f.log", r.nextInt(9), null, "fact " + i));
        }
        ObjectMapper jsonWith = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .addModule(DeclaredTyping.module()).build();
        ObjectMapper jsonWithout = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectMapper yamlWith = YAMLMapper.builder().addModule(DeclaredTyping.module()).build();
        ObjectMapper yamlWithout = YAMLMapper.builder().build();
        for (Object v : values) {
            assertEquals(jsonWithout.writeValueAsString(v), jsonWith.writeValueAsString(v));
            assertEquals(yamlWithout.writeValueAsString(v), yamlWith.writeValueAsString(v));
        }
    }
}
