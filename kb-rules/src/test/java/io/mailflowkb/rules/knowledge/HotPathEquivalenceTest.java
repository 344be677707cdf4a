package io.mailflowkb.rules.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.RegistryPaths;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allocation-free fast paths of the rule hot path (text equality, registry path comparison) against the plain
 * JDK code they replace, over seeded random texts that mix ASCII, case pairs and characters whose lower case
 * changes length or differs by locale.
 */
class HotPathEquivalenceTest {

    private static final String ALPHABET = "aAzZ09 .\\\\/-_:İıIißΣσςKKÅåǅ\u0130\u212a";

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 7_919L * i + 17);
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(4) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('A' + r.nextInt(6)));
        }
        return b.toString();
    }

    /** A text and a variant of it: the same, a case flip, a changed character or a random other text. */
    private static String variant(Random r, String s) {
        return switch (r.nextInt(4)) {
            case 0 -> s;
            case 1 -> r.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
            case 2 -> s.isEmpty() ? "x" : s.substring(1) + ALPHABET.charAt(r.nextInt(ALPHABET.length()));
            default -> text(r);
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lowerEqualsIsToLowerCaseEquals(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            String text = text(r);
            String lowered = Operator.lower(variant(r, text));
            assertEquals(text.toLowerCase(Locale.ROOT).equals(lowered), CompiledConstraint.lowerEquals(text, lowered),
                    () -> "'" + text + "' vs '" + lowered + "'");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void registryPathEqualityIsCanonicalComparison(long seed) {
        Random r = new Random(seed);
        String[] roots = {"HKLM", "hklm", "HKEY_LOCAL_MACHINE", "HKLM:", "HKU", "HKCC", "HKX", " HKLM", "HKCU"};
        for (int i = 0; i < 500; i++) {
            String a = roots[r.nextInt(roots.length)] + "\\" + text(r) + (r.nextBoolean() ? "\\" : "");
            String b = r.nextInt(3) == 0 ? a : roots[r.nextInt(roots.length)] + "\\" + variant(r, a.substring(a.indexOf('\\') + 1));
            boolean expected = RegistryPaths.canonical(a).equalsIgnoreCase(RegistryPaths.canonical(b));
            assertEquals(expected, RegistryPaths.equal(a, b), () -> "'" + a + "' vs '" + b + "'");
        }
    }

    /** Characters for path tails: ASCII look-alikes whose case folds meet ASCII, and supplementary case pairs. */
    private static final String[] TAIL_CHARS = {"a", "A", "k", "K", "s", "S", "i", "I", "0", "2", " ", "\\", "/", "@",
        "`", "[", "{", "\u212a", "\u017f", "\u0130", "\u0131", "\u00df", "\u00e5", "\u212b", "\ud801\udc00",
        "\ud801\udc28", "\ud801", "\udc00"};

    /**
     * Paths as the rules compare them (one long shared SChannel prefix, different tails of equal length), so the
     * comparison from the end decides most pairs: against equalsIgnoreCase of the canonical forms.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void registryPathEqualityFromTheEndIsCanonicalComparison(long seed) {
        Random r = new Random(seed);
        String prefix = RegistryPaths.SCHANNEL_PROTOCOLS + "\\";
        for (int i = 0; i < 500; i++) {
            StringBuilder tail = new StringBuilder();
            int n = 1 + r.nextInt(6);
            for (int k = 0; k < n; k++) {
                tail.append(TAIL_CHARS[r.nextInt(TAIL_CHARS.length)]);
            }
            String a = (r.nextBoolean() ? prefix : prefix.toLowerCase(Locale.ROOT).replace("hklm", "HKLM")) + tail;
            String b = switch (r.nextInt(4)) {
                case 0 -> a.toUpperCase(Locale.ROOT);
                case 1 -> prefix + tail.toString().toLowerCase(Locale.ROOT);
                case 2 -> {
                    // one character of the tail swapped for another, so lengths often stay equal
                    int at = r.nextInt(tail.length());
                    String c = TAIL_CHARS[r.nextInt(TAIL_CHARS.length)];
                    yield prefix + tail.substring(0, at) + c + tail.substring(Math.min(tail.length(), at + c.length()));
                }
                default -> "HKEY_LOCAL_MACHINE" + a.substring(4);
            };
            boolean expected = RegistryPaths.canonical(a).equalsIgnoreCase(RegistryPaths.canonical(b));
            assertEquals(expected, RegistryPaths.equal(a, b), () -> "'" + a + "' vs '" + b + "'");
            assertEquals(expected, RegistryPaths.equal(b, a), () -> "'" + b + "' vs '" + a + "'");
        }
    }
}
