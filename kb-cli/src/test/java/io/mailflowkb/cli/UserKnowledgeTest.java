package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's --knowledge folder adds a symptom and a finding, overrides and disables, without any rebuild. */
class UserKnowledgeTest {

    static final io.mailflowkb.rules.knowledge.Knowledge SHIPPED = io.mailflowkb.rules.Diagnostician.load().knowledge();

    static final String USER = """
            knowledgeVersion: 1
            symptoms:
              - id: appliance-no-tls
                title: "Our appliance refuses TLS"
                literals: ["550 appliance refuses TLS"]
            findings:
              - id: appliance-tls-refused
                severity: warning
                direction: outbound
                title: "The mail appliance refused TLS"
                when:
                  - fact: Symptom
                    where:
                      - {field: id, op: equals, value: appliance-no-tls}
                remediation:
                  - text: "Update the appliance firmware."
                references:
                  - {title: "Appliance manual", url: "https://example.com/manual"}
            overrides:
              - id: legacy-tls-enabled
                title: "Legacy TLS is still on (house rule)"
            disable: [starttls-not-offered]
            examples:
              - name: appliance-refuses
                inputs: [examples/appliance.yaml]
                expect: [appliance-tls-refused]
            """;
    static final String BUNDLE = """
            schemaVersion: 1
            symptoms:
              - {id: appliance-no-tls, text: "550 appliance refuses TLS", direction: outbound, peerClass: other, count: 2, samples: [{source: appliance.log, line: 4}]}
            """;

    static Path userDir(Path tmp) throws Exception {
        Path dir = tmp.resolve("my-knowledge");
        Files.createDirectories(dir.resolve("examples"));
        Files.writeString(dir.resolve("appliance.yaml"), USER);
        Files.writeString(dir.resolve("examples/appliance.yaml"), BUNDLE);
        return dir;
    }

    @Test
    void userSymptomAndFindingWorkWithoutRebuilding(@TempDir Path tmp) throws Exception {
        Path dir = userDir(tmp);
        Kb validate = Kb.run("rules", "validate", dir.toString());
        assertThat(validate.exit()).as(validate.err()).isEqualTo(ExitCode.OK);
        // shipped + 1 user finding - 1 disabled; shipped + 1 user symptom
        assertThat(validate.out()).contains("OK: " + SHIPPED.findings().size() + " findings, "
                + (SHIPPED.symptoms().size() + 1) + " symptoms");

        Kb diagnose = Kb.run("diagnose", dir.resolve("examples/appliance.yaml").toString(), "--knowledge", dir.toString(),
                "--format", "json");
        assertThat(diagnose.exit()).as(diagnose.err()).isEqualTo(ExitCode.FINDINGS);
        JsonNode finding = Mappers.json().readTree(diagnose.out()).get("findings").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("appliance-tls-refused");
        assertThat(finding.get("rule").asText()).isEqualTo(dir + "/appliance.yaml#appliance-tls-refused");
        assertThat(finding.get("evidence").get(0).get("source").asText()).isEqualTo("appliance.log:4");

        Kb test = Kb.run("rules", "test", dir.toString());
        // (shipped examples that expect the finding this folder disables fail, as they should)
        assertThat(test.out()).contains("ok   appliance-refuses (" + dir + "/appliance.yaml)");
    }

    @Test
    void listShowsWhereEachFindingComesFromIncludingOverridesAndDisables(@TempDir Path tmp) throws Exception {
        Path dir = userDir(tmp);
        Kb list = Kb.run("rules", "list", dir.toString());
        assertThat(list.exit()).isEqualTo(ExitCode.OK);
        assertThat(list.out())
                .containsPattern("appliance-tls-refused +warning +outbound +" + java.util.regex.Pattern.quote(dir + "/appliance.yaml#appliance-tls-refused"))
                .containsPattern("tls12-client-disabled +critical +outbound +knowledge/tls-deprecation/findings/tls12-client-disabled/finding.yaml#tls12-client-disabled")
                .contains("overridden by " + dir + "/appliance.yaml#legacy-tls-enabled")
                .containsPattern("starttls-not-offered +disabled");
        assertThat(list.out().lines().filter(l -> l.startsWith("starttls-not-offered ")).count()).isEqualTo(1);
    }

    @Test
    void theCheckoutsKnowledgeFolderValidatesInPlaceOfTheShippedCopy() {
        Kb validate = Kb.run("rules", "validate", "../knowledge");
        assertThat(validate.exit()).as(validate.err()).isEqualTo(ExitCode.OK);
        assertThat(validate.out()).startsWith("OK: " + SHIPPED.findings().size() + " findings");
        Kb test = Kb.run("rules", "test", "../knowledge");
        assertThat(test.exit()).as(test.out()).isEqualTo(ExitCode.OK);
        assertThat(test.out()).contains(" passed, 0 failed");
    }

    @Test
    void hostileKnowledgeExitsTwoWithFileLineColumn(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("hostile");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bomb.yaml"), "knowledgeVersion: 1\ndisable: &a [x, x]\nsymptoms: *a\n");
        Kb kb = Kb.run("rules", "validate", dir.toString());
        assertThat(kb.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(kb.err()).contains("bomb.yaml:2:").contains("aliases");

        Files.writeString(dir.resolve("bomb.yaml"), "knowledgeVersion: 1\nfindings:\n  - id: x1\n    sevrity: warning\n");
        kb = Kb.run("rules", "validate", dir.toString());
        assertThat(kb.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(kb.err()).contains("bomb.yaml:4:5: unknown key 'sevrity'");
    }
}
