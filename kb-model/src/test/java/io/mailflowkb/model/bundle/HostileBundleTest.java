package io.mailflowkb.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mailflowkb.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundle reproducers of issue 12, each refused with the file, the line and what was expected, in words.
 * The watchdog only catches a hang (the 10 MB YAML string took over 60 s and 500 MB before), it times nothing.
 */
class HostileBundleTest {

    static final String HOST = "host: {windowsBuild: 9600, source: {source: w.reg, line: 1}}\n";
    static final String SYMPTOM = "symptoms:\n  - {id: s, text: t, direction: outbound, peerClass: other, count: 3,"
            + " samples: [{source: q.txt, line: 2}]}\n";

    static InvalidInputException refused(String text, String name) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                BundleCodec.read(text.getBytes(StandardCharsets.UTF_8), name);
            } catch (InvalidInputException e) {
                return e;
            }
            throw new AssertionError("accepted: " + (text.length() > 200 ? text.substring(0, 200) : text));
        });
    }

    static Stream<Arguments> hostile() {
        String big = "x".repeat(10 * 1024 * 1024);
        String bigWords = "xxxxxxx ".repeat(10 * 1024 * 1024 / 8);
        return Stream.of(
                Arguments.of("10 MB quoted string", "schemaVersion: 1\nhost:\n  hostName: \"" + big + "\"\n", 3, "longer than 1048576"),
                Arguments.of("10 MB plain string", "schemaVersion: 1\nhost:\n  hostName: " + big + "\n", 3, "longer than 1048576"),
                Arguments.of("10 MB folded string", "schemaVersion: 1\nhost:\n  hostName: >\n"
                        + bigWords.replace("xxxxxxx xxxxxxx ", "xxxxxxx xxxxxxx\n    ").replaceFirst("^", "    ") + "\n", 3,
                        "'hostName' is longer than 1048576"),
                Arguments.of("second host wipes the first", "schemaVersion: 1\n" + HOST + "host: {hostName: EX02}\n", 3,
                        "duplicate key 'host'"),
                Arguments.of("duplicate key inside a fact", "schemaVersion: 1\nsymptoms:\n  - id: a\n    id: b\n", 4,
                        "duplicate key 'id'"),
                Arguments.of("undefined alias", "schemaVersion: 1\nhost:\n  hostName: *nothere\n", 3, "aliases"),
                Arguments.of("anchor", "schemaVersion: 1\nhost: &h {hostName: EX01}\n", 2, "anchors"),
                Arguments.of("schemaVersion 1.5", "schemaVersion: 1.5\n", 1, "schemaVersion must be a whole number"),
                Arguments.of("schemaVersion as text", "schemaVersion: \"1\"\n", 1, "got the text \"1\""),
                Arguments.of("negative count", "schemaVersion: 1\n" + SYMPTOM.replace("count: 3", "count: -3"), 3,
                        "symptoms count cannot be negative, got -3"),
                Arguments.of("negative build", "schemaVersion: 1\nhost: {windowsBuild: -9600}\n", 2,
                        "host windowsBuild cannot be negative"),
                Arguments.of("unknown direction", "schemaVersion: 1\n" + SYMPTOM.replace("outbound", "sideways"), 3,
                        "symptoms direction must be one of inbound, outbound, unknown, got 'sideways'"),
                Arguments.of("unknown probe outcome", "schemaVersion: 1\nprobes:\n  - target: a:25\n"
                        + "    tlsVersion: TLS 1.2\n    outcome: pwned\n", 5, "probes outcome must be one of"),
                Arguments.of("unknown Exchange version", "schemaVersion: 1\nhost: {exchangeVersion: '2007'}\n", 2,
                        "host exchangeVersion must be one of"),
                Arguments.of("JSON duplicate key", "{\"schemaVersion\": 1,\n \"host\": {},\n \"host\": {}}\n", 3,
                        "duplicate key 'host'"),
                Arguments.of("YAML flow list never closed", "garbage: [\n", 2,
                        "not valid YAML: expected a value, but found the end of the file (column 1)"),
                Arguments.of("YAML flow mapping never closed", "schemaVersion: 1\nhost: {windowsBuild: 9600\n", 3,
                        "not valid YAML: expected ',' or '}', but got the end of the file (column 1)"),
                Arguments.of("JSON negative count", "{\"schemaVersion\": 1, \"symptoms\": [\n {\"id\": \"s\", \"count\": -1}]}", 2,
                        "cannot be negative"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    void refusedWithLineAndReason(String what, String text, int line, String reason) {
        InvalidInputException e = refused(text, "hostile.yaml");
        assertThat(e.source()).isEqualTo("hostile.yaml");
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).contains(reason).doesNotContain("\n").hasSizeLessThan(400);
        assertThat(e.getMessage()).doesNotContainPattern("io\\.mailflowkb|com\\.fasterxml|org\\.yaml|java\\.lang"
                + "|Exception|StreamReadConstraints|Cannot construct instance");
    }

    static Stream<Arguments> javaWords() {
        return Stream.of(
                Arguments.of("host as a list", "schemaVersion: 1\nhost: [a, b]\n", "expected a mapping (key: value) at host"),
                Arguments.of("host as text", "schemaVersion: 1\nhost: EX01\n", "at host"),
                Arguments.of("count as text", "schemaVersion: 1\nsymptoms:\n  - {id: s, count: many, samples: [{source: q}]}\n",
                        "symptoms[0].count"),
                Arguments.of("deep nesting", "schemaVersion: 1\nhost: " + "[".repeat(60) + "]".repeat(60) + "\n",
                        "nested more than 40 levels deep"),
                Arguments.of("JSON deep nesting", "{\"schemaVersion\": 1, \"host\": " + "[".repeat(60) + "]".repeat(60) + "}",
                        "nested more than 40 levels deep"),
                Arguments.of("symptom without id", "schemaVersion: 1\nsymptoms:\n  - {text: t, samples: [{source: q}]}\n",
                        "symptom without an id"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("javaWords")
    void mappingErrorsSayWhatWasExpectedInPlainWords(String what, String text, String reason) {
        InvalidInputException e = refused(text, "words.yaml");
        assertThat(e.getMessage()).startsWith("words.yaml:").contains(reason);
        assertThat(e.getMessage()).doesNotContainPattern("io\\.mailflowkb|com\\.fasterxml|org\\.yaml|java\\.|`"
                + "|Exception|StreamReadConstraints|Cannot construct instance|getMax");
    }

    @Test
    void aBundleAsWrittenIsStillRead() {
        String ok = "schemaVersion: 1\n" + HOST + SYMPTOM;
        FactBundle b = BundleCodec.read(ok.getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(b.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(3));
        assertThat(BundleCodec.read(BundleCodec.toString(b, BundleCodec.Format.JSON).getBytes(StandardCharsets.UTF_8),
                "ok.json")).isEqualTo(b);
    }
}
