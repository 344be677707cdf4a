package io.mailflowkb.rules.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Release identification by name without lower-casing copies, against the code it replaces
 * ({@code product.toLowerCase(ROOT).contains(name.toLowerCase(ROOT))}, longest name wins, then the build range),
 * over seeded random product and release names: ASCII case variants, and characters whose lower case changes length
 * or meets ASCII (dotted capital I, the Kelvin sign, sharp s, final sigma).
 */
class WindowsReleaseNameEquivalenceTest {

    private static final String ALPHABET = "Ss 2R0819\u0130\u0131I\u212aK\u00dfk\u03a3\u03c2";

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 4_099L * i + 11);
    }

    private static String text(Random r, int max) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(4) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('a' + r.nextInt(2)));
        }
        return r.nextBoolean() ? b.toString() : b.toString().toUpperCase(Locale.ROOT);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void containsIgnoringCaseIsLowerCaseContains(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            String text = text(r, 8);
            String part = r.nextInt(3) == 0 && !text.isEmpty()
                    ? text.substring(r.nextInt(text.length())).toLowerCase(Locale.ROOT) : text(r, 3);
            boolean expected = text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
            assertEquals(expected, WindowsReleases.containsIgnoringCase(text, part),
                    () -> "'" + text + "' contains '" + part + "'");
        }
    }

    /** The replaced {@code identify}. */
    private static WindowsRelease identifyAsBefore(List<WindowsRelease> releases, Integer build, String productName) {
        if (productName != null) {
            String p = productName.toLowerCase(Locale.ROOT);
            WindowsRelease byName = null;
            for (WindowsRelease rel : releases) {
                if (p.contains(rel.displayName().toLowerCase(Locale.ROOT))
                        && (byName == null || rel.displayName().length() > byName.displayName().length())) {
                    byName = rel;
                }
            }
            if (byName != null) {
                return byName;
            }
        }
        if (build != null) {
            for (WindowsRelease rel : releases) {
                if (build >= rel.firstBuild() && build <= rel.lastBuild()) {
                    return rel;
                }
            }
        }
        return null;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void identifyPicksTheSameRow(long seed) {
        Random r = new Random(seed);
        List<WindowsRelease.OsDefault> defaults = List.of(WindowsRelease.OsDefault.ON, WindowsRelease.OsDefault.ON,
                WindowsRelease.OsDefault.ON, WindowsRelease.OsDefault.UNSUPPORTED);
        for (int t = 0; t < 100; t++) {
            List<WindowsRelease> rows = new ArrayList<>();
            for (int k = r.nextInt(6); k > 0; k--) {
                int first = r.nextInt(50);
                rows.add(new WindowsRelease(text(r, 3), first, first + r.nextInt(20), defaults));
            }
            WindowsReleases table = new WindowsReleases(rows);
            for (int i = 0; i < 20; i++) {
                String product = r.nextInt(6) == 0 ? null : text(r, 10);
                Integer build = r.nextInt(6) == 0 ? null : r.nextInt(80);
                assertSame(identifyAsBefore(rows, build, product), table.identify(build, product),
                        () -> "'" + product + "' build " + build + " in " + rows);
            }
        }
    }
}
