package io.mailflowkb.model.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The character test {@link RegistryPaths#isCanonical} (the shortcut every comparison takes) against the loop over
 * the short roots it replaced, and the shortcut's promise: a path it accepts is what the full respelling gives.
 * Seeded random paths built from roots, near-roots and the characters around them.
 */
class CanonicalShortcutTest {

    private static final String[] STARTS = {"HKLM", "HKCU", "HKCR", "HKU", "HKCC", "HKLM:", "hklm", "HKEY_LOCAL_MACHINE",
        "HKUU", "HKL", "HK", "H", "HKLX", "HKCX", " HKLM", "HKCUR", "HKXM", "HK\\", "KLM", ""};
    private static final String[] PARTS = {"\\", "\\\\", "SYSTEM", "x", " ", "\t", "/", ":", "\u00a0", "\u2003", "M", "U"};

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 6_007L * i + 11);
    }

    /** The implementation before the character test. */
    static boolean plainIsCanonical(String p) {
        int cut = p.indexOf('\\');
        int rootLength = cut < 0 ? p.length() : cut;
        boolean shortRoot = false;
        for (String r : new String[] {"HKLM", "HKCU", "HKCR", "HKU", "HKCC"}) {
            shortRoot |= r.length() == rootLength && p.startsWith(r);
        }
        return shortRoot && !p.endsWith("\\")
                && !Character.isWhitespace(p.charAt(0)) && !Character.isWhitespace(p.charAt(p.length() - 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shortcutIsThePlainTestAndKeepsItsPromise(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder b = new StringBuilder(STARTS[r.nextInt(STARTS.length)]);
            int n = r.nextInt(5);
            for (int k = 0; k < n; k++) {
                b.append(PARTS[r.nextInt(PARTS.length)]);
            }
            String p = b.toString();
            if (p.isBlank()) {
                continue; // canonical refuses blank paths before either test runs
            }
            assertEquals(plainIsCanonical(p), RegistryPaths.isCanonical(p), () -> "'" + p + "'");
            if (RegistryPaths.isCanonical(p)) {
                assertEquals(RegistryPaths.respelled(p), p, () -> "'" + p + "'");
            }
        }
    }
}
