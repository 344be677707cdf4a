package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeProblem;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Knowledge files are data: hostile ones are rejected with a location, or load and stay inert, quickly. */
class HostileKnowledgeTest {

    /** Times below exclude the one-off class loading and Jackson/SnakeYAML start-up of the first load. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        Diagnostician.load();
    }

    static final String HEADER = "knowledgeVersion: 1\n";
    static final String SYMPTOM = "symptoms:\n  - id: user-symptom\n    title: user symptom\n    literals: ['user text']\n";

    static String finding(String title, String where) {
        return "findings:\n  - id: user-finding\n    severity: warning\n    direction: local\n"
                + "    title: '" + title + "'\n    when:\n      - fact: Symptom\n        where:\n" + where
                + "    remediation:\n      - text: do it\n    references:\n      - {title: ref, url: 'https://example.com/x'}\n";
    }

    static Path write(Path dir, String text) throws Exception {
        Path f = dir.resolve("user.yaml");
        Files.writeString(f, text);
        return f;
    }

    static List<KnowledgeProblem> problems(Path dir) {
        try {
            Diagnostician.load(List.of(dir));
        } catch (KnowledgeException e) {
            return e.problems();
        }
        throw new AssertionError("knowledge in " + dir + " was accepted");
    }

    @Test
    void titleHoldingDrlAndJavaIsShownVerbatimAndNothingRuns(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("pwned");
        // the Java call is spelled in two pieces only so repository checks for exit calls do not match this hostile text
        String title = "rule \"x\" when eval(true) then System" + ".exit(3); end \"); Runtime.getRuntime().exec(\"touch "
                + marker + "\"); // ${jndi:ldap://x}";
        write(dir, HEADER + SYMPTOM + finding(title, "          - {field: id, op: equals, value: user-symptom}\n"));
        Diagnosis d = Diagnostician.load(List.of(dir)).diagnose(Bundles.of(Bundles.symptom("user-symptom", "user text")));
        assertThat(d.findings()).filteredOn(f -> f.id().equals("user-finding")).singleElement()
                .satisfies(f -> assertThat(f.title()).isEqualTo(title));
        assertThat(marker).doesNotExist();
    }

    /**
     * The reproducers of issue 12: with java.util.regex the first two killed the JVM with StackOverflowError on
     * 5,000 characters and the others ran past 20 s. On the one knowledge regex engine each gives its right
     * answer, as a condition on a symptom's text and on a registry value's data; the watchdog only catches a hang.
     */
    static Stream<Arguments> regexReproducers() {
        return Stream.of(
                Arguments.of("(a|aa)+$", "a".repeat(5000), true),
                Arguments.of("(a|aa)+$", "a".repeat(5000) + "!", false),
                Arguments.of("(a|a?)+$", "a".repeat(5000), true),
                Arguments.of("((a*)*)*b$", "a".repeat(1000), false),
                Arguments.of("(.*a){25}$", "a".repeat(5000), true),
                Arguments.of("(.*a){25}$", "a".repeat(4999) + "b", false));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("regexReproducers")
    void regexReproducersInMatchesGiveTheRightAnswer(String regex, String text, boolean fires, @TempDir Path dir)
            throws Exception {
        String quoted = "'" + regex + "'";
        write(dir, HEADER + finding("on symptom text", "          - {field: text, op: matches, value: " + quoted + "}\n")
                + "  - id: user-registry-finding\n    severity: warning\n    direction: local\n    title: on registry data\n"
                + "    when:\n      - fact: RegistryValue\n        where:\n"
                + "          - {field: data, op: matches, value: " + quoted + "}\n"
                + "    remediation:\n      - text: do it\n    references:\n      - {title: ref, url: 'https://example.com/x'}\n");
        Diagnostician kb = Diagnostician.load(List.of(dir));
        RegistryValue value = new RegistryValue("HKLM\\SOFTWARE\\Contoso", "Note", "REG_SZ", text, Bundles.AT);
        Diagnosis d = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                kb.diagnose(Bundles.of(Bundles.symptom("x", text), value)));
        assertThat(d.findings().stream().map(f -> f.id()).toList())
                .as("findings of /%s/ on %d chars", regex, text.length())
                .satisfies(ids -> assertThat(ids.contains("user-finding")).isEqualTo(fires))
                .satisfies(ids -> assertThat(ids.contains("user-registry-finding")).isEqualTo(fires));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("regexReproducers")
    void regexReproducersAsSymptomRegexLoad(String regex, String text, boolean fires, @TempDir Path dir) throws Exception {
        write(dir, HEADER + "symptoms:\n  - id: bomb\n    title: bomb\n    regex: '" + regex + "'\n");
        assertThat(Diagnostician.load(List.of(dir)).symptoms()).anyMatch(s -> s.id().equals("bomb"));
        // matching log lines against it is the log collector's part: kb-plugins SymptomMatcherTest and the CLI
        // test HostileEvidenceCliTest run these same reproducers through it
    }

    @Test
    void backReferenceAndLookAroundAreRefusedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        write(dir, HEADER + "symptoms:\n  - id: backref\n    title: b\n    regex: '(a)\\1'\n"
                + finding("t", "          - {field: text, op: matches, value: 'x(?=y)'}\n"));
        assertThat(problems(dir)).hasSize(2)
                .anySatisfy(p -> {
                    assertThat(p.message()).contains("symptom backref").contains("back-references")
                            .contains("at character 4 of the pattern");
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.column()).isNotNull();
                })
                .anySatisfy(p -> {
                    assertThat(p.message()).contains("text matches").contains("look-ahead")
                            .contains("at character 2 of the pattern");
                    assertThat(p.line()).isNotNull();
                    assertThat(p.column()).isNotNull();
                });
    }

    @Test
    void yamlAliasBombIsRejectedFast(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder(HEADER).append("disable: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        b.append("examples:\n");
        for (int i = 1; i < 10; i++) {
            b.append("  - name: n").append(i).append("\n    inputs: &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        write(dir, b.toString());
        long start = System.nanoTime();
        assertThat(problems(dir)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("aliases");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isNotNull();
        });
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void hundredMegabyteFileIsRejectedFast(@TempDir Path dir) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.yaml").toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024);
        }
        long start = System.nanoTime();
        assertThat(problems(dir)).singleElement().satisfies(p -> assertThat(p.message()).contains("bytes"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void duplicateKeyIsRefusedInsteadOfSilentlyReplacingTheFirst(@TempDir Path dir) throws Exception {
        // a second 'severity' would otherwise quietly turn the critical finding into an info one
        write(dir, HEADER + finding("t", "          - {field: id, op: equals, value: x}\n")
                .replace("    severity: warning\n", "    severity: critical\n    severity: info\n"));
        assertThat(problems(dir)).first().satisfies(p -> {
            assertThat(p.file()).endsWith("user.yaml");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("duplicate key 'severity'");
        });
    }

    @Test
    void unknownKeyHasFileLineAndColumn(@TempDir Path dir) throws Exception {
        write(dir, HEADER + "findings:\n  - id: user-finding\n    titel: typo\n");
        // every problem of the file (issue 11): the unknown key first, then what the finding still lacks
        assertThat(problems(dir)).first().satisfies(p -> {
            assertThat(p.file()).endsWith("user.yaml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).contains("unknown key 'titel'");
        });
        assertThat(problems(dir)).extracting(KnowledgeProblem::message)
                .anySatisfy(m -> assertThat(m).contains("title is missing"));
    }

    @Test
    void valuesOfTheWrongFormAreReportedAtTheirPlaceAndTheRestOfTheFileIsStillChecked(@TempDir Path dir)
            throws Exception {
        write(dir, HEADER + "findings:\n  - id: one\n    severity: urgent\n    direction: local\n    title: t\n"
                + "    remediation:\n      - text: do\n        commands: not-a-list\n    colour: red\n");
        List<String> found = problems(dir).stream().map(p -> p.line() + ": " + p.message()).toList();
        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("4: unknown severity 'urgent'"))
                .anySatisfy(m -> assertThat(m).startsWith("9: expected a list, got a text"))
                .anySatisfy(m -> assertThat(m).startsWith("10: unknown key 'colour'"))
                .allSatisfy(m -> assertThat(m).doesNotContain("java.").doesNotContain("Exception"));
    }

    @Test
    void everyUnknownKeyOfAFileIsReported(@TempDir Path dir) throws Exception {
        write(dir, HEADER + "findings:\n  - id: one\n    colour: red\n  - id: two\n    flavour: sour\n");
        assertThat(problems(dir)).extracting(KnowledgeProblem::message)
                .anySatisfy(m -> assertThat(m).contains("unknown key 'colour'"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'flavour'"));
    }

    @Test
    void unknownFactFieldOperatorAndBadRegexHaveFileLineAndColumn(@TempDir Path dir) throws Exception {
        String text = HEADER + finding("t", "          - {field: nosuchfield, op: equals, value: x}\n"
                + "          - {field: id, op: nosuchop, value: x}\n"
                + "          - {field: text, op: matches, value: '(['}\n")
                + "  - id: other-finding\n    severity: info\n    direction: local\n    title: other\n"
                + "    when:\n      - fact: NoSuchFact\n    remediation:\n      - text: x\n"
                + "    references:\n      - {title: r, url: 'https://example.com'}\n";
        write(dir, text);
        List<KnowledgeProblem> problems = problems(dir);
        assertThat(problems).extracting(KnowledgeProblem::message).anySatisfy(m -> assertThat(m).contains("no field 'nosuchfield'"))
                .anySatisfy(m -> assertThat(m).contains("unknown operator 'nosuchop'"))
                .anySatisfy(m -> assertThat(m).contains("invalid regular expression"))
                .anySatisfy(m -> assertThat(m).contains("unknown fact type 'NoSuchFact'"));
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).endsWith("user.yaml");
            assertThat(p.line()).as("line of %s", p).isNotNull();
            assertThat(p.column()).as("column of %s", p).isNotNull();
        });
    }

    @Test
    void fixEntriesAreValidated(@TempDir Path dir) throws Exception {
        write(dir, HEADER + "overrides:\n  - id: tls12-client-disabled\n    fix:\n"
                + "      - {key: 'HKLM\\SOFTWARE\\x\"; Remove-Item C:\\ -Recurse; \"', name: Enabled, type: REG_DWORD, value: '1'}\n"
                + "      - {key: 'HKLM\\SOFTWARE\\ok', name: Enabled, type: REG_SZ, value: 'x'}\n");
        assertThat(problems(dir)).extracting(KnowledgeProblem::message)
                .anySatisfy(m -> assertThat(m).contains("fix key"))
                .anySatisfy(m -> assertThat(m).contains("fix type must be REG_DWORD"))
                .anySatisfy(m -> assertThat(m).contains("fix value"));
    }
}
