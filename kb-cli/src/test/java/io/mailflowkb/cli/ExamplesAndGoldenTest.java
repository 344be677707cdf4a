package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs every shipped example (bundles and raw exports), and checks exports agree with hand-written bundles. */
class ExamplesAndGoldenTest {

    @Test
    void everyShippedExamplePasses() {
        Kb kb = Kb.run("rules", "test");
        assertThat(kb.exit()).as(kb.out()).isEqualTo(ExitCode.OK);
        assertThat(kb.out()).contains(" passed, 0 failed").doesNotContain("FAIL");
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({"tls12-client-disabled, tls12-client-disabled-export",
            "tls12-absent-2008r2, tls12-absent-2008r2-export",
            "healthy-2019, healthy-2019-export"})
    void registryExportsGiveTheSameFindingsAsTheBundles(String bundleExample, String exportExample) throws Exception {
        JsonNode fromBundle = Mappers.json().readTree(Kb.run("diagnose", "--example", bundleExample, "--format", "json").out());
        JsonNode fromExport = Mappers.json().readTree(Kb.run("diagnose", "--example", exportExample, "--format", "json").out());
        assertThat(idsAndFixes(fromExport)).isEqualTo(idsAndFixes(fromBundle));
    }

    private static List<String> idsAndFixes(JsonNode diagnosis) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : diagnosis.get("findings")) {
            out.add(f.get("id").asText() + " " + f.get("severity").asText() + " " + f.get("remediation"));
        }
        return out;
    }
}
