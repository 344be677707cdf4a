package io.mailflowkb.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JdkCollections} changes no output: seeded random values made of records, the JDK's nested list, set and map
 * classes ({@code List.of}, {@code List.copyOf}, {@code Collections.unmodifiable*}, {@code Map.of}, sub-lists) and
 * plain ones, written by a mapper with it and by one without, JSON and YAML, byte for byte; each mapper fresh, so
 * neither has a serializer the other built.
 */
class JdkCollectionsTest {

    enum Colour { RED, GREEN }

    record Leaf(String name, Integer n, List<String> tags) {
    }

    /** A record written as another value, as {@code Evidence} is. */
    record Pair(String a, String b) {
        @JsonValue
        Map<String, String> json() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("a", a);
            m.put("b", b);
            return m;
        }
    }

    record Node(List<Leaf> leaves, List<Pair> pairs, Set<Colour> colours, Map<String, List<Integer>> table,
                List<Object> anything) {
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 104_729L * i + 5);
    }

    /** A list of {@code items} in one of the shapes the JDK hands out. */
    private static <T> List<T> shaped(Random r, List<T> items) {
        return switch (r.nextInt(7)) {
            case 0 -> new ArrayList<>(items);
            case 1 -> List.copyOf(items);
            case 2 -> Collections.unmodifiableList(new ArrayList<>(items));
            case 3 -> items.isEmpty() ? List.of() : items.size() == 1 ? List.of(items.get(0)) : List.copyOf(items);
            case 4 -> new ArrayList<>(items).subList(0, items.size());
            case 5 -> Collections.unmodifiableList(new java.util.LinkedList<>(items));
            default -> Collections.synchronizedList(new ArrayList<>(items));
        };
    }

    private static String text(Random r) {
        String[] words = {"a", "b c", "é", "\"q\"", "", "line\nbreak", "x:y", "- dash"};
        return words[r.nextInt(words.length)];
    }

    private static Object value(Random r, int depth) {
        int n = r.nextInt(4);
        List<Leaf> leaves = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        List<Object> anything = new ArrayList<>();
        Map<String, List<Integer>> table = r.nextBoolean() ? new TreeMap<>() : new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> tags = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                tags.add(text(r));
            }
            leaves.add(new Leaf(text(r), r.nextBoolean() ? null : r.nextInt(100), shaped(r, tags)));
            pairs.add(new Pair(text(r), text(r)));
            table.put("k" + r.nextInt(10), shaped(r, List.of(r.nextInt(9), r.nextInt(9))));
            anything.add(depth > 0 && r.nextBoolean() ? value(r, depth - 1) : shaped(r, List.of(text(r))));
        }
        Set<Colour> colours = r.nextBoolean() ? EnumSet.of(Colour.RED) : Collections.unmodifiableSet(EnumSet.noneOf(Colour.class));
        Map<String, List<Integer>> tableShaped = r.nextBoolean() ? Collections.unmodifiableMap(table)
                : table.size() == 1 ? Map.copyOf(table) : table;
        return new Node(shaped(r, leaves), shaped(r, pairs), colours, tableShaped, shaped(r, anything));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameBytesWithAndWithout(long seed) throws Exception {
        Random r = new Random(seed);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            values.add(value(r, 2));
        }
        ObjectMapper jsonWith = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).addModule(JdkCollections.module()).build();
        ObjectMapper jsonWithout = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        ObjectMapper yamlWith = YAMLMapper.builder().addModule(JdkCollections.module()).build();
        ObjectMapper yamlWithout = YAMLMapper.builder().build();
        for (Object v : values) {
            assertEquals(jsonWithout.writeValueAsString(v), jsonWith.writeValueAsString(v));
            assertEquals(yamlWithout.writeValueAsString(v), yamlWith.writeValueAsString(v));
        }
        // the project's mapper too, against its output of the same values as plain lists and maps
        assertEquals(jsonWithout.writer(Mappers.prettyPrinter()).writeValueAsString(values),
                Mappers.json().writer(Mappers.prettyPrinter()).writeValueAsString(values));
    }
}
