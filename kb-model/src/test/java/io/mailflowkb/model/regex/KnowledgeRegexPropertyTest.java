package io.mailflowkb.model.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties over generated patterns and lines. The bound is asserted by counting the characters the
 * engine reads ({@link ReadCounter}), never by timing: a backtracking engine reads a character again for every
 * path it retries, so a catastrophic pattern shows as reads far beyond a small multiple of the line length.
 */
class KnowledgeRegexPropertyTest {

    /** Reads per input character (plus one for the end) allowed for any pattern; RE2/J steps forward once. */
    static final long READS_PER_CHAR = 4;

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 25).boxed();
    }

    /**
     * Both engines must agree on whether a pattern is found, on lines short enough that java.util.regex usually
     * finishes; the few cases where it backtracks past its read budget are not compared (most must be).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithJavaRegexOnShortLines(long seed) {
        Random rnd = new Random(seed);
        int compared = 0;
        int cases = 0;
        for (int p = 0; p < 20; p++) {
            String regex = anchored(rnd, expr(rnd, 2));
            KnowledgeRegex ours = KnowledgeRegex.compile(regex);
            Pattern java = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            for (int l = 0; l < 20; l++) {
                String line = line(rnd, rnd.nextInt(12));
                cases++;
                Boolean expected = ReadCounter.findWithin(java, line, 200_000);
                if (expected != null) {
                    compared++;
                    assertThat(ours.find(line)).as("seed %d: /%s/ on '%s'", seed, regex, line).isEqualTo(expected);
                }
            }
        }
        assertThat(compared).as("cases java.util.regex finished, of %d", cases).isGreaterThan(cases * 9 / 10);
    }

    /** Nested quantifiers around generated bodies, on long lines: reads stay linear in the line. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hostilePatternsReadEachCharacterABoundedNumberOfTimes(long seed) {
        Random rnd = new Random(seed);
        for (int p = 0; p < 8; p++) {
            String body = "(?:" + expr(rnd, 2) + ")";
            String regex = switch (rnd.nextInt(5)) {
                case 0 -> "(" + body + "+)+$";
                case 1 -> "(" + body + "|" + body + "?)+$";
                case 2 -> "((" + body + "*)*)*b$";
                case 3 -> "(.*" + body + "){" + (5 + rnd.nextInt(21)) + "}$";
                default -> "^(" + body + "|a|aa)*!$";
            };
            KnowledgeRegex r = KnowledgeRegex.compile(regex);
            int n = 1000 + rnd.nextInt(4001);
            String line = "a".repeat(n) + (rnd.nextBoolean() ? "" : line(rnd, 1 + rnd.nextInt(3)));
            ReadCounter counted = new ReadCounter(line);
            r.find(counted);
            assertThat(counted.reads()).as("seed %d: /%s/ on %d chars", seed, regex, line.length())
                    .isLessThanOrEqualTo(READS_PER_CHAR * (line.length() + 1));
        }
    }

    private static String anchored(Random rnd, String e) {
        return (rnd.nextInt(4) == 0 ? "^" : "") + e + (rnd.nextInt(4) == 0 ? "$" : "");
    }

    private static String expr(Random rnd, int depth) {
        StringBuilder b = new StringBuilder(concat(rnd, depth));
        for (int i = rnd.nextInt(3); i > 0; i--) {
            b.append('|').append(concat(rnd, depth));
        }
        return b.toString();
    }

    private static String concat(Random rnd, int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            b.append(atom(rnd, depth)).append(quantifier(rnd));
        }
        return b.toString();
    }

    private static String atom(Random rnd, int depth) {
        int k = rnd.nextInt(depth > 0 ? 7 : 6);
        return switch (k) {
            case 0 -> "a";
            case 1 -> "b";
            case 2 -> ".";
            case 3 -> "[ab]";
            case 4 -> "[^a]";
            case 5 -> "A";
            default -> "(" + expr(rnd, depth - 1) + ")";
        };
    }

    private static String quantifier(Random rnd) {
        String[] q = {"", "", "", "*", "+", "?", "{1,3}", "{2}", "*?", "+?"};
        return q[rnd.nextInt(q.length)];
    }

    private static String line(Random rnd, int length) {
        String alphabet = "aabAB! ";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
