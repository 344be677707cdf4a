package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.spi.SymptomSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.knowledge.SymptomDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level shortcuts of the log scan against the plain code they stand for, over seeded random lines: the
 * comma walk that finds the event field, and the symptom pre-check on a line's bytes (never "no" where the text
 * search finds a symptom, non-ASCII look-alikes included).
 */
class ByteFastPathTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void commaWalkAgreesWithAByteByByteWalk(long seed) {
        Random rnd = new Random(seed);
        String alphabet = "ab,,,\"x12 .:";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder line = new StringBuilder();
            for (int k = rnd.nextInt(60); k > 0; k--) {
                line.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            byte[] b = ("pad" + line).getBytes(StandardCharsets.US_ASCII);
            int commas = rnd.nextInt(8);
            assertThat(ProtocolLogReader.afterCommas(b, 3, b.length, commas)).as("%s, %d commas", line, commas)
                    .isEqualTo(naive(b, 3, b.length, commas));
        }
    }

    private static int naive(byte[] b, int from, int end, int commas) {
        int i = from;
        for (int k = 0; k < commas; i++) {
            if (i >= end || b[i] == '"') {
                return -1;
            }
            if (b[i] == ',') {
                k++;
            }
        }
        return i;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void bytePreCheckNeverMissesWhatTheTextSearchFinds(long seed) {
        List<SymptomDefinition> defs = new ArrayList<>(TestSymptoms.SEED);
        defs.add(TestSymptoms.regex("blocked", "\\b5\\.7\\.230 Connecting Exchange server version is out-of-date"));
        SymptomMatcher m = new SymptomMatcher(SymptomSet.of(defs));
        Random rnd = new Random(seed);
        String[] pieces = {"TLS negotiation failed with error SocketError", "5.7.230 Connecting Exchange server",
                "5.7.230 Connecting Exchange server version is out-of-date", "451 5.7.3 Must issue a STARTTLS",
                "\u212A", "\u017F", "\u0131", "é", "x", " ", ",", "tarttl", "Ucce"};
        int shown = 0;
        for (int round = 0; round < 5000; round++) {
            StringBuilder line = new StringBuilder();
            for (int k = rnd.nextInt(12); k > 0; k--) {
                String p = pieces[rnd.nextInt(pieces.length)];
                line.append(rnd.nextBoolean() ? p : p.toUpperCase(java.util.Locale.ROOT));
            }
            if (rnd.nextInt(3) == 0) {
                // a literal whose 's' or 'k' the text search folds from a non-ASCII look-alike
                line.append(rnd.nextBoolean() ? "451 5.7.3 \u017FTARTTLS is required to send mail"
                        : "TLS negotiation failed with error UnknownCredentials".replace('k', '\u212A'));
            }
            String text = line.toString();
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            boolean found = !m.match(text).isEmpty();
            shown += found ? 1 : 0;
            if (found) {
                assertThat(m.mayShow(b, 0, b.length)).as(text).isTrue();
            }
        }
        assertThat(shown).as("lines that show a symptom (the generator must make some)").isGreaterThan(100);
    }

    /**
     * The skip search hashes characters folded with {@code | 0x20}, which merges a few punctuation marks with
     * others ({@code @} with {@code `}, {@code [} with <code>{</code>, {@code _} with DEL): on bytes and on text
     * it must still find exactly the literals a plain case-insensitive search finds, no more, no fewer.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36})
    void skipSearchFindsExactlyTheLiteralsPresent(long seed) {
        Random rnd = new Random(seed);
        String alphabet = "aAbB@`[{_\u007F^~ 0,";
        String[] literals = new String[2 + rnd.nextInt(3)];
        for (int l = 0; l < literals.length; l++) {
            StringBuilder lit = new StringBuilder();
            for (int k = 6 + rnd.nextInt(4); k > 0; k--) {
                lit.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            literals[l] = lit.toString().toLowerCase(java.util.Locale.ROOT);
        }
        ShiftTable table = ShiftTable.build(literals);
        int[] defs = new int[literals.length];
        for (int l = 0; l < defs.length; l++) {
            defs[l] = l;
        }
        int found = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder line = new StringBuilder();
            for (int k = rnd.nextInt(40); k > 0; k--) {
                line.append(rnd.nextInt(8) == 0 ? literals[rnd.nextInt(literals.length)]
                        : String.valueOf(alphabet.charAt(rnd.nextInt(alphabet.length()))));
            }
            String text = rnd.nextBoolean() ? line.toString() : line.toString().toUpperCase(java.util.Locale.ROOT);
            boolean[] expected = new boolean[literals.length];
            boolean any = false;
            for (int l = 0; l < literals.length; l++) {
                expected[l] = text.toLowerCase(java.util.Locale.ROOT).contains(literals[l]);
                any |= expected[l];
            }
            boolean[] hit = new boolean[literals.length];
            assertThat(table.scan(text, literals, defs, hit)).as(text).isEqualTo(any);
            assertThat(hit).as(text).isEqualTo(expected);
            byte[] b = ("x" + text).getBytes(StandardCharsets.US_ASCII);
            assertThat(table.any(b, 1, b.length - 1, literals)).as(text).isEqualTo(any);
            found += any ? 1 : 0;
        }
        assertThat(found).as("lines holding a literal").isGreaterThan(2000);
    }

    /** Why a required literal may hold every ASCII letter but k and s: no other has a non-ASCII case fold. */
    @org.junit.jupiter.api.Test
    void onlyKAndSFoldToNonAsciiCharactersUnderTheRegexEngine() {
        StringBuilder folding = new StringBuilder();
        for (char c = 'a'; c <= 'z'; c++) {
            io.mailflowkb.model.regex.KnowledgeRegex r = io.mailflowkb.model.regex.KnowledgeRegex.compile(String.valueOf(c));
            for (char u = 0x80; u < 0xFFFF; u++) {
                if (!Character.isSurrogate(u) && r.find(String.valueOf(u))) {
                    folding.append(c);
                    break;
                }
            }
        }
        assertThat(folding.toString()).isEqualTo("ks");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'\\b5\\.7\\.230 Connecting Exchange server version', '5.7.230 connecting exchange '",
            "'abc(def)ghijkl', ''", "'TLS 1\\.[01] is', 'tl'", "'a|bcdefgh', ''", "'x[a-z]{2}yyyyyyy+', 'yyyyyyy'",
            "'(?i)protocol version', 'protocol ver'", "'server\\d+ negotiation failed', ' negotiation failed'"})
    void requiredLiteralsAreTheLongestCertainRun(String regex, String literal) {
        // 's' and 'k' end a run (Unicode case folding); empty means no literal of 6 or more
        String got = RequiredLiteral.of(regex, ShiftTable.MIN_LENGTH);
        assertThat(got == null ? "" : got).isEqualTo(literal.length() >= ShiftTable.MIN_LENGTH ? literal : "");
    }
}
