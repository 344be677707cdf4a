package io.mailflowkb.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.finding.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FindingEvidence#compareKeys} against comparing the texts {@link FindingEvidence#sortKey} makes, and
 * {@link FindingEvidence#of} against {@link FindingEvidenceBefore} (which sorted by those texts), over seeded random
 * lines: inputs that are prefixes of each other, texts holding the key's own punctuation ({@code :}, {@code ]},
 * {@code , fact=}), digits after an input, empty texts, non-ASCII and surrogate pairs, lists that are prefixes of
 * each other, empty lists, and more hits than {@link FindingEvidence#SMALL}.
 */
class CompareKeysEquivalenceTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 60).map(i -> 7_919L * i + 3).boxed();
    }

    private static final String[] INPUTS = {"s.reg", "s.reg:1", "s.re", "s.reg1", "a]", "probe:mx:25", "", "\u00e9.log",
        "\ud83d\udce7.log", "s.reg, fact=x"};
    private static final String[] FACTS = {"", "x", "x]", "x], Evidence[source=",
        "SCHANNEL TLS 1.2\\Client Enabled = 0",
        "SCHANNEL TLS 1.2\\Client Enabled = 01", ", fact=", "]", "\u00e9", "\ud83d\udce7", "\uffff", "1"};

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void comparisonIsThatOfTheTexts(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            List<Evidence> a = lines(r);
            List<Evidence> b = r.nextInt(3) == 0 ? variant(r, a) : lines(r);
            int texts = Integer.signum(FindingEvidence.sortKey(a).compareTo(FindingEvidence.sortKey(b)));
            assertEquals(texts, Integer.signum(FindingEvidence.compareKeys(a, b)), () -> a + " vs " + b);
            assertEquals(-texts, Integer.signum(FindingEvidence.compareKeys(b, a)), () -> b + " vs " + a);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void evidenceIsThatOfTheCodeItReplaces(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            List<Object> pool = new ArrayList<>();
            for (int k = 1 + r.nextInt(12); k > 0; k--) {
                pool.add(FindingEvidenceEquivalenceTest.fact(r, pool));
            }
            List<FindingHit> hits = new ArrayList<>();
            int hitCount = 1 + r.nextInt(r.nextInt(6) == 0 ? 2 * FindingEvidence.SMALL + 2 : 6);
            for (int h = 0; h < hitCount; h++) {
                List<Object> facts = new ArrayList<>();
                for (int f = 1 + r.nextInt(3); f > 0; f--) {
                    facts.add(pool.get(r.nextInt(pool.size())));
                }
                hits.add(new FindingHit("f", facts));
            }
            Set<String> notes = new TreeSet<>();
            for (int n = r.nextInt(3); n > 0; n--) {
                notes.add("root cause: x" + r.nextInt(2));
            }
            assertEquals(FindingEvidenceBefore.of(hits, notes), FindingEvidence.of(hits, notes), hits::toString);
        }
    }

    /** Duplicates and repeated places left out as before, whether the answer is the lines themselves or a copy. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void distinctLinesAreThoseOfTheCodeTheyReplace(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            List<Evidence> pool = lines(r);
            pool.add(line(r));
            List<Evidence> lines = new ArrayList<>();
            for (int n = r.nextInt(2 * FindingEvidence.SMALL); n > 0; n--) {
                lines.add(r.nextInt(3) == 0 ? line(r) : pool.get(r.nextInt(pool.size())));
            }
            List<Evidence> copy = List.copyOf(lines);
            assertEquals(FindingEvidenceBefore.distinctCitedOnce(lines), FindingEvidence.distinctCitedOnce(lines),
                    lines::toString);
            assertEquals(copy, lines, "the lines are not changed");
        }
    }

    private static List<Evidence> lines(Random r) {
        List<Evidence> out = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) {
            out.add(line(r));
        }
        return out;
    }

    private static Evidence line(Random r) {
        Integer number = switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> 1 + r.nextInt(12);
            case 2 -> -r.nextInt(3);
            default -> 1 + r.nextInt(3);
        };
        String input = INPUTS[r.nextInt(INPUTS.length)];
        if (input.isEmpty() && r.nextBoolean()) {
            input = "s.reg";
        }
        return new Evidence(Evidence.Kind.values()[r.nextInt(Evidence.Kind.values().length)], input, number,
                r.nextBoolean() ? null : "object", FACTS[r.nextInt(FACTS.length)]);
    }

    /** {@code a} with its tail changed: a common first part, then a different line, one more, or one fewer. */
    private static List<Evidence> variant(Random r, List<Evidence> a) {
        List<Evidence> b = new ArrayList<>(a);
        switch (r.nextInt(4)) {
            case 0 -> b.add(line(r));
            case 1 -> {
                if (!b.isEmpty()) {
                    b.remove(b.size() - 1);
                }
            }
            case 2 -> {
                if (!b.isEmpty()) {
                    b.set(r.nextInt(b.size()), line(r));
                }
            }
            default -> { // the same text, other kind and object: equal keys
                for (int i = 0; i < b.size(); i++) {
                    Evidence e = b.get(i);
                    b.set(i, new Evidence(Evidence.Kind.LINE, e.input(), e.line(), null, e.fact()));
                }
            }
        }
        return b;
    }
}
