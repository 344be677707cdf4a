package io.mailflowkb.model.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RegistryPaths#shortName} (a case-sensitive prefix test before the one ignoring case) against the code it
 * replaces, over seeded random paths: the SChannel Protocols prefix as exports write it, with letters of other case,
 * cut short, without its last backslash, with non-ASCII look-alikes (the Kelvin sign, dotless i), long and short
 * roots, other keys.
 */
class ShortNameEquivalenceTest {

    private static final String PREFIX = RegistryPaths.SCHANNEL_PROTOCOLS + "\\";
    private static final String[] TAILS = {"TLS 1.2\\Client", "TLS 1.0", "", "SSL 3.0\\Server", "x\\y\\z"};

    static Stream<Long> seeds() {
        return IntStream.range(0, 30).mapToObj(i -> 92_821L * i + 5);
    }

    /** The implementation before the case-sensitive test. */
    static String plainShortName(String path) {
        String c = RegistryPaths.canonical(path);
        if (c.regionMatches(true, 0, RegistryPaths.SCHANNEL_PROTOCOLS + "\\", 0,
                RegistryPaths.SCHANNEL_PROTOCOLS.length() + 1)) {
            return "SCHANNEL " + c.substring(RegistryPaths.SCHANNEL_PROTOCOLS.length() + 1);
        }
        return c;
    }

    private static String path(Random r) {
        StringBuilder b = new StringBuilder(switch (r.nextInt(6)) {
            case 0 -> PREFIX.substring(0, r.nextInt(PREFIX.length()));
            case 1 -> "HKEY_LOCAL_MACHINE" + PREFIX.substring(4);
            case 2 -> "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\";
            default -> PREFIX;
        });
        for (int k = r.nextInt(3); k > 0; k--) { // other case, or a look-alike, somewhere in it
            int at = r.nextInt(b.length() + 1);
            if (at < b.length()) {
                char c = b.charAt(at);
                b.setCharAt(at, switch (r.nextInt(4)) {
                    case 0 -> Character.toLowerCase(c);
                    case 1 -> Character.toUpperCase(c);
                    case 2 -> c == 'K' ? '\u212a' : c == 'i' ? '\u0131' : c;
                    default -> c;
                });
            }
        }
        b.append(TAILS[r.nextInt(TAILS.length)]);
        return b.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shortNameIsThePlainOne(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            String p = path(r);
            if (p.isBlank()) {
                continue; // canonical refuses blank paths in both
            }
            assertEquals(plainShortName(p), RegistryPaths.shortName(p), () -> "'" + p + "'");
        }
    }
}
