package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.finding.Confidence;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one knowledge element says about another by name: named conditions ({@code use}), root-cause links
 * ({@code causedBy}) and examples' expected ids. A wrong name is an error with its file; a right one works.
 */
class KnowledgeLinksTest {

    static final String HEADER = "knowledgeVersion: 1\n";
    static final String SYMPTOMS = "symptoms:\n"
            + "  - {id: user-cause-symptom, title: cause, literals: ['cause text']}\n"
            + "  - {id: user-effect-symptom, title: effect, literals: ['effect text']}\n";

    /** A finding on one symptom; {@code extra} goes after its when list (more patterns, or causedBy). */
    static String finding(String id, String whenPatterns, String extra) {
        return "  - id: " + id + "\n    severity: warning\n    direction: local\n    title: '" + id + "'\n"
                + "    when:\n" + whenPatterns + extra
                + "    remediation:\n      - text: do it\n    references:\n      - {title: ref, url: 'https://example.com/x'}\n";
    }

    static String symptomIs(String id) {
        return "      - fact: Symptom\n        where:\n          - {field: id, op: equals, value: " + id + "}\n";
    }

    static List<KnowledgeProblem> problems(Path dir) {
        try {
            Diagnostician.load(List.of(dir));
        } catch (KnowledgeException e) {
            return e.problems();
        }
        throw new AssertionError("knowledge in " + dir + " was accepted");
    }

    static List<String> messages(Path dir) {
        return problems(dir).stream().map(KnowledgeProblem::toString).toList();
    }

    @Test
    void aConditionIsUsedByNameFromAnotherFileAndSplicesItsPatterns(@TempDir Path dir) throws Exception {
        // the finding's file sorts first: names resolve once every file is read
        Files.writeString(dir.resolve("a-finding.yaml"), HEADER + SYMPTOMS + "findings:\n"
                + finding("user-guarded", symptomIs("user-effect-symptom") + "      - use: no-user-cause\n", ""));
        Files.writeString(dir.resolve("z-conditions.yaml"), HEADER + "conditions:\n  - name: no-user-cause\n"
                + "    when:\n      - fact: Symptom\n        absent: true\n        where:\n"
                + "          - {field: id, op: equals, value: user-cause-symptom}\n");
        Diagnostician kb = Diagnostician.load(List.of(dir));
        assertThat(ids(kb.diagnose(Bundles.of(Bundles.symptom("user-effect-symptom", "effect text")))))
                .contains("user-guarded");
        assertThat(ids(kb.diagnose(Bundles.of(Bundles.symptom("user-effect-symptom", "effect text"),
                Bundles.symptom("user-cause-symptom", "cause text"))))).doesNotContain("user-guarded");
    }

    @Test
    void aShippedConditionCanBeUsedByAUserFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("user.yaml"), HEADER + SYMPTOMS + "findings:\n"
                + finding("user-no-tls12", symptomIs("user-effect-symptom") + "      - use: no-usable-tls12-client\n", ""));
        Diagnostician kb = Diagnostician.load(List.of(dir));
        assertThat(ids(kb.diagnose(Bundles.of(Bundles.symptom("user-effect-symptom", "effect text")))))
                .contains("user-no-tls12");
        String client = Bundles.proto("TLS 1.2", "Client");
        assertThat(ids(kb.diagnose(Bundles.of(Bundles.symptom("user-effect-symptom", "effect text"),
                Bundles.host("Windows Server 2019 Standard", 17763, "15.2.1544.4", "EX19"), Bundles.schannelTree(),
                Bundles.dword(client, "Enabled", 1), Bundles.dword(client, "DisabledByDefault", 0)))))
                .doesNotContain("user-no-tls12");
    }

    @Test
    void anUnknownConditionNameIsAnErrorWhereItIsUsed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("user.yaml"), HEADER + SYMPTOMS + "findings:\n"
                + finding("user-typo", symptomIs("user-effect-symptom") + "      - use: no-usable-tls12-clinet\n", ""));
        assertThat(messages(dir)).singleElement().asString()
                .contains("user.yaml:14:").contains("unknown condition 'no-usable-tls12-clinet'")
                .contains("no-usable-tls12-client");
    }

    @Test
    void conditionsThatUseEachOtherAreACycleError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("user.yaml"), HEADER + SYMPTOMS
                + "conditions:\n  - name: user-a\n    when:\n      - use: user-b\n"
                + "  - name: user-b\n    when:\n      - use: user-a\n"
                + "findings:\n" + finding("user-cyclic", symptomIs("user-effect-symptom") + "      - use: user-a\n", ""));
        assertThat(messages(dir)).anyMatch(m -> m.contains("conditions use each other in a cycle: user-a -> user-b -> user-a"));
    }

    @Test
    void aUseEntryTakesNothingElse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("user.yaml"), HEADER + SYMPTOMS + "findings:\n"
                + finding("user-mixed", symptomIs("user-effect-symptom")
                        + "      - {use: no-usable-tls12-client, fact: Symptom, absent: true}\n", ""));
        assertThat(messages(dir)).singleElement().asString()
                .contains("a 'use' entry names a condition and takes no fact, where, absent or atLeast");
    }

    @Test
    void anExampleNamingAnUnknownFindingIsAnError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("examples"));
        Files.writeString(dir.resolve("examples/bundle.yaml"), "schemaVersion: 1\n");
        Files.writeString(dir.resolve("user.yaml"), HEADER + "examples:\n  - name: user-example\n"
                + "    inputs: [examples/bundle.yaml]\n    expect: [tls12-client-disabled]\n"
                + "    expectAbsent: [tls12-server-disabeld, unexplained-symptom]\n");
        assertThat(messages(dir)).singleElement().asString().contains("user.yaml")
                .contains("example user-example: expectAbsent names unknown finding 'tls12-server-disabeld'");
    }

    @Test
    void causedByNamesKnownOtherFindingsWithoutACycle(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("user.yaml"), HEADER + SYMPTOMS + "findings:\n"
                + finding("user-a", symptomIs("user-effect-symptom"), "    causedBy: {findings: [user-b, user-typo]}\n")
                + finding("user-b", symptomIs("user-cause-symptom"), "    causedBy: {findings: [user-a]}\n")
                + finding("user-self", symptomIs("user-cause-symptom"), "    causedBy: {findings: [user-self]}\n"));
        assertThat(messages(dir)).anyMatch(m -> m.contains("finding user-a: causedBy names unknown finding 'user-typo'"))
                .anyMatch(m -> m.contains("finding user-self names itself in causedBy"))
                .anyMatch(m -> m.contains("root causes form a cycle: user-a <- user-b <- user-a"))
                .hasSize(3);
    }

    @Test
    void aDeclaredRootCauseIsNotedAndOrderedFirstAndItsAbsenceLowersConfidence(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("user.yaml"), HEADER + SYMPTOMS + "findings:\n"
                + finding("user-effect", symptomIs("user-effect-symptom"), "    causedBy:\n      findings: [user-cause]\n"
                        + "      otherwise: 'the cause is not in the inputs'\n")
                + finding("user-cause", symptomIs("user-cause-symptom"), ""));
        Diagnostician kb = Diagnostician.load(List.of(dir));
        Diagnosis both = kb.diagnose(Bundles.of(Bundles.symptom("user-effect-symptom", "effect text"),
                Bundles.symptom("user-cause-symptom", "cause text")));
        Finding effect = finding(both, "user-effect");
        assertThat(effect.causedBy()).containsExactly("user-cause");
        assertThat(effect.evidence()).anyMatch(e -> e.fact().equals("root cause: user-cause"));
        assertThat(effect.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(ids(both).indexOf("user-cause")).isLessThan(ids(both).indexOf("user-effect"));

        Finding alone = finding(kb.diagnose(Bundles.of(Bundles.symptom("user-effect-symptom", "effect text"))),
                "user-effect");
        assertThat(alone.causedBy()).isEmpty();
        assertThat(alone.confidence()).isEqualTo(Confidence.LOWER);
        assertThat(alone.evidence()).anyMatch(e -> e.fact().contains("the cause is not in the inputs"));
    }

    static List<String> ids(Diagnosis d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    static Finding finding(Diagnosis d, String id) {
        return d.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + ids(d)));
    }
}
