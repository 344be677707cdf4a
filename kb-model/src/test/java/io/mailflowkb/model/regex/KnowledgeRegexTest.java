package io.mailflowkb.model.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reproducers of issue 12 and the constructs a linear-time engine refuses, with where they start. */
class KnowledgeRegexTest {

    /**
     * Each killed or hung java.util.regex (StackOverflowError for the first two on 5,000 characters, 20 s and more
     * for the others). Here each gives the right answer in a number of character reads linear in the line.
     */
    static Stream<Arguments> reproducers() {
        String a5000 = "a".repeat(5000);
        return Stream.of(
                Arguments.of("(a|aa)+$", a5000, true),
                Arguments.of("(a|aa)+$", a5000 + "!", false),
                Arguments.of("(a|a?)+$", a5000, true),
                Arguments.of("(a|a?)+$", a5000 + "!", true), // a? matches the empty string before the end
                Arguments.of("^(a|a?)+$", a5000 + "!", false),
                Arguments.of("((a*)*)*b$", "a".repeat(1000), false),
                Arguments.of("((a*)*)*b$", "a".repeat(999) + "b", true),
                Arguments.of("(.*a){25}$", a5000, true),
                Arguments.of("(.*a){25}$", "a".repeat(4999) + "b", false),
                Arguments.of("(.*a){25}$", "b".repeat(4990) + "a".repeat(10), false));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("reproducers")
    void reproducersAnswerRightInLinearWork(String regex, String line, boolean expected) {
        KnowledgeRegex r = KnowledgeRegex.compile(regex);
        ReadCounter counted = new ReadCounter(line);
        assertThat(r.find(counted)).isEqualTo(expected);
        assertThat(counted.reads()).as("characters read for %d", line.length())
                .isLessThanOrEqualTo(KnowledgeRegexPropertyTest.READS_PER_CHAR * (line.length() + 1));
    }

    /** The read count tells a backtracking engine apart: java.util.regex blows the same bound at once. */
    @Test
    void theReadBoundCatchesABacktrackingEngine() {
        String line = "a".repeat(4999) + "b";
        long bound = KnowledgeRegexPropertyTest.READS_PER_CHAR * (line.length() + 1);
        assertThat(ReadCounter.findWithin(Pattern.compile("(.*a){25}$"), line, bound)).isNull();
        ReadCounter counted = new ReadCounter(line);
        assertThat(KnowledgeRegex.compile("(.*a){25}$").find(counted)).isFalse();
        assertThat(counted.reads()).isLessThanOrEqualTo(bound);
    }

    @Test
    void isCaseInsensitiveLikeTheLiterals() {
        assertThat(KnowledgeRegex.compile("421 4\\.4\\.2 connection dropped").find("421 4.4.2 Connection DROPPED")).isTrue();
        assertThat(KnowledgeRegex.compile("^tls$").find("a TLS b")).isFalse();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("(a)\\1", "back-references", 4),
                Arguments.of("(?<x>a)\\k<x>", "named back-references", 8),
                Arguments.of("foo(?=bar)", "look-ahead", 4),
                Arguments.of("foo(?!bar)", "look-ahead", 4),
                Arguments.of("(?<=x)y", "look-behind", 1),
                Arguments.of("(?<!x)y", "look-behind", 1),
                Arguments.of("x(?>ab|a)c", "atomic groups", 2),
                Arguments.of("a*+b", "possessive", 2),
                Arguments.of("a{2}+b", "possessive", 4),
                Arguments.of("(a", "missing closing )", 2),
                Arguments.of("ab\\h", "invalid escape", 3),
                Arguments.of("(a{100}){100}", "too large", 1),
                Arguments.of("x".repeat(301), "longer than 300", 301),
                Arguments.of("", "empty", 1));
    }

    @ParameterizedTest(name = "{0}: {1} at {2}")
    @MethodSource("refused")
    void unsupportedOrInvalidIsRefusedWithItsColumn(String regex, String message, int column) {
        assertThatThrownBy(() -> KnowledgeRegex.compile(regex))
                .isInstanceOfSatisfying(RegexRejectedException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.withPosition()).contains("at character " + column);
                });
    }

    @Test
    void escapedOrClassedLookalikesAreNotRefused() {
        // an escaped paren, a class holding '(?=' and a quoted block are plain text, not look-around
        assertThat(KnowledgeRegex.compile("\\(?=x").find("(=x")).isTrue();
        assertThat(KnowledgeRegex.compile("[(?=]+1").find("?=1")).isTrue();
        assertThat(KnowledgeRegex.compile("\\Q(?=\\E").find("a(?=b")).isTrue();
        assertThat(KnowledgeRegex.compile("a\\\\1").find("a\\1")).isTrue();
    }
}
