package io.mailflowkb.plugins.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.spi.SymptomSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SymptomMatcherTest {

    private static List<String> ids(List<SymptomDefinition> d) {
        return d.stream().map(SymptomDefinition::id).toList();
    }

    @Test
    void literalsMatchCaseInsensitivelyAnywhereInTheLine() {
        SymptomMatcher m = new SymptomMatcher(TestSymptoms.SEED_SET);
        assertThat(ids(m.match("2024-01-01,x,*,,tls NEGOTIATION failed with error socketerror."))).containsExactly(
                "tls-failed-socketerror");
        assertThat(ids(m.match("<,451 5.7.3 Must issue a STARTTLS command first [host]"))).containsExactly(
                "starttls-must-issue-451");
        assertThat(m.match("250 2.6.0 Queued mail for delivery")).isEmpty();
        assertThat(m.match("TLS negotiation failed with error SocketErro")).isEmpty();
    }

    @Test
    void shortAndNonAsciiLiteralsAndRegexesUseTheAutomaton() {
        SymptomSet set = SymptomSet.of(List.of(TestSymptoms.def("short", "unknown", "4.7.66"),
                TestSymptoms.def("umlaut", "unknown", "Verbindung fehlgeschlagen: ÜBERTRAGUNG"),
                TestSymptoms.regex("re", "5\\.7\\.6[0-9] TLS"), TestSymptoms.regex("bad", "(")));
        SymptomMatcher m = new SymptomMatcher(set);
        assertThat(ids(m.match("x 421 4.7.66 y"))).containsExactly("short");
        assertThat(ids(m.match("verbindung FEHLGESCHLAGEN: übertragung"))).containsExactly("umlaut");
        assertThat(ids(m.match("5.7.67 tls 1.0"))).containsExactly("re");
        assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p).contains("bad"));
        assertThat(m.mayMatch(new byte[] {'x'}, 0, 1)).isTrue(); // cannot decide on bytes: look closer
    }

    /**
     * Issue 12's reproducers as symptom regexes on the log lines that killed (StackOverflowError) or hung the
     * java.util.regex matcher this class used: each gives its right answer; the watchdog only catches a hang.
     */
    @ParameterizedTest(name = "[{index}] {0} on {1} chars -> {3}")
    @CsvSource({"(a|aa)+$, 5000, '', true", "(a|aa)+$, 5000, !, false", "(a|a?)+$, 5000, '', true",
            "'((a*)*)*b$', 1000, '', false", "'(.*a){25}$', 5000, '', true", "'(.*a){25}$', 4999, b, false"})
    void hostileRegexesEndWithTheRightAnswer(String regex, int as, String tail, boolean shown) {
        SymptomSet set = SymptomSet.of(List.of(TestSymptoms.regex("bomb", regex)));
        assertThat(set.problems()).isEmpty();
        SymptomMatcher m = new SymptomMatcher(set);
        String line = "a".repeat(as) + (tail == null ? "" : tail);
        List<SymptomDefinition> found = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> m.match(line));
        assertThat(ids(found)).isEqualTo(shown ? List.of("bomb") : List.of());
    }

    @Test
    void aBackReferenceIsIgnoredWithWhereItIs() {
        SymptomSet set = SymptomSet.of(List.of(TestSymptoms.regex("backref", "(x)\\1")));
        assertThat(set.problems()).singleElement().satisfies(p ->
                assertThat(p).contains("backref").contains("back-references").contains("at character 4"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void byteSearchAgreesWithStringSearch(long seed) {
        SymptomMatcher m = new SymptomMatcher(TestSymptoms.SEED_SET);
        Random rnd = new Random(seed);
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:<>";
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = rnd.nextInt(200); k > 0; k--) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            if (rnd.nextInt(4) == 0) {
                String lit = TestSymptoms.SEED.get(rnd.nextInt(TestSymptoms.SEED.size())).literals().get(0);
                b.insert(rnd.nextInt(b.length() + 1), rnd.nextBoolean() ? lit : lit.toUpperCase());
            }
            String line = b.toString();
            byte[] bytes = ("pad" + line).getBytes(StandardCharsets.US_ASCII);
            assertThat(m.mayMatch(bytes, 3, bytes.length - 3)).as(line).isEqualTo(!m.match(line).isEmpty());
        }
    }
}
