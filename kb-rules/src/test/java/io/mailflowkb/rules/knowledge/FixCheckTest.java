package io.mailflowkb.rules.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.model.knowledge.StepDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version-dependent and choice-bound fix entries are held to their shape at load (issue 14 (b)). */
class FixCheckTest {

    static final String KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\<version>\\Client";

    static FixDefinition entry(String key, List<String> protocols, String choice) {
        return new FixDefinition(key, "Enabled", "REG_DWORD", "1", protocols, choice);
    }

    @Test
    void documentedShapesPass() {
        assertThat(FixCheck.check(List.of(entry(KEY, List.of("TLS 1.2"), null),
                entry(KEY, List.of("TLS 1.0", "TLS 1.1"), "legacy-tls=on"),
                entry(KEY, List.of("TLS 1.0", "TLS 1.1"), "legacy-tls=off"),
                entry(KEY.replace("<version>", "TLS 1.2"), List.of(), null)), "finding x")).isEmpty();
    }

    @Test
    void eachMisuseIsOneProblemNamingIt() {
        assertThat(FixCheck.check(List.of(entry(KEY, List.of(), null)), "finding x")).singleElement().asString()
                .contains("says <version> but the entry names no protocols");
        assertThat(FixCheck.check(List.of(entry(KEY, List.of("TLS 1.4"), null)), "finding x")).singleElement()
                .asString().contains("fix protocol 'TLS 1.4'");
        assertThat(FixCheck.check(List.of(entry(KEY, List.of("TLS 1.0"), "legacy-tls=maybe")), "finding x"))
                .singleElement().asString().contains("fix choice 'legacy-tls=maybe' must be one of legacy-tls=on");
        assertThat(FixCheck.check(List.of(entry(KEY, List.of("TLS 1.2"), "legacy-tls=off")), "finding x"))
                .as("TLS 1.2 is never the admin's choice: Exchange Online needs it").singleElement().asString()
                .contains("is for TLS 1.0/TLS 1.1 entries only");
        assertThat(FixCheck.check(List.of(entry(KEY.replace("<version>", "<other>"), List.of("TLS 1.2"), null)),
                "finding x")).singleElement().asString().contains("must be an HKLM\\ path");
    }

    @Test
    void fixCommandsNeedAnEntryForEveryServer() {
        FindingDefinition onlyVersioned = new FindingDefinition("x", null, null, "t", null, null, null,
                List.of(new StepDefinition("do", List.of(), null, null, true)), null,
                List.of(entry(KEY, List.of("TLS 1.2"), null)), null, null);
        assertThat(FixCheck.checkSteps(onlyVersioned, "finding x")).singleElement().asString()
                .contains("fixCommands: true but no fix entry holds for every server");
    }
}
