package io.mailflowkb.model.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Evidence}'s written-out equality against what the JDK generates for a record of the same components
 * ({@code Generated} below keeps the generated methods): equal exactly when the generated ones say so, the same
 * hash codes. Seeded pairs drawn from few values per component, so most pairs differ in one component only.
 */
class EvidenceTest {

    /** The same components with the record methods the JDK generates. */
    private record Generated(Evidence.Kind kind, String input, Integer line, String object, String fact) {
    }

    private static final String[] TEXTS = {"schannel.reg", "a", "A", "", "correlation", "SmtpSend.log", "a "};
    private static final Integer[] LINES = {null, 1, 2, 1_000, -1};
    private static final String[] OBJECTS = {null, "HKLM\\SYSTEM\\x", "", "a"};

    static Stream<Long> seeds() {
        return IntStream.range(0, 30).mapToObj(i -> 7_919L * i + 3);
    }

    private static Generated draw(Random r) {
        Evidence.Kind[] kinds = Evidence.Kind.values();
        // new String: equality must not rest on the same instance
        Integer line = LINES[r.nextInt(LINES.length)];
        String object = OBJECTS[r.nextInt(OBJECTS.length)];
        return new Generated(kinds[r.nextInt(kinds.length)], new String(TEXTS[r.nextInt(TEXTS.length)]),
                line == null ? null : Integer.valueOf(line.intValue()), object == null ? null : new String(object),
                new String(TEXTS[r.nextInt(TEXTS.length)]));
    }

    private static Evidence of(Generated g) {
        return new Evidence(g.kind(), g.input(), g.line(), g.object(), g.fact());
    }

    /** A component added to {@link Evidence} must be added to its written-out equality and to {@code Generated}. */
    @Test
    void generatedHasEvidencesComponents() {
        assertEquals(components(Evidence.class), components(Generated.class));
    }

    private static List<String> components(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName() + ":" + c.getGenericType().getTypeName());
        }
        return names;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equalsAndHashCodeAreTheGeneratedOnes(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            Generated a = draw(r);
            Generated b = r.nextInt(4) == 0 ? new Generated(a.kind(), new String(a.input()), a.line(), a.object(),
                    new String(a.fact())) : draw(r);
            Evidence ea = of(a);
            Evidence eb = of(b);
            assertEquals(a.equals(b), ea.equals(eb), () -> a + " vs " + b);
            assertEquals(a.equals(b), eb.equals(ea), () -> b + " vs " + a);
            assertEquals(a.hashCode(), ea.hashCode(), a::toString);
            assertEquals(true, ea.equals(ea));
            assertEquals(false, ea.equals(null));
            assertEquals(false, ea.equals(a)); // another type with the same components
        }
    }
}
