package io.mailflowkb.rules.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.model.knowledge.StepDefinition;
import io.mailflowkb.rules.Diagnostician;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Remediation commands generated from fix entries read as they were written by hand (issue 16). */
class FixCommandsTest {

    static final String WINHTTP = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";

    @Test
    void oneRegAddPerEntryForEveryServerDecimalFirstThenTheStepsOwn() {
        FindingDefinition d = new FindingDefinition("x", null, null, "t", null, null, null, List.of(
                new StepDefinition("set it", List.of("Restart-Computer"), null, null, true),
                new StepDefinition("verify", List.of("reg query x"))), null, List.of(
                new FixDefinition(WINHTTP, "DefaultSecureProtocols", "REG_DWORD", "0x00000A00"),
                new FixDefinition(WINHTTP + "\\<version>", "Enabled", "REG_DWORD", "1", List.of("TLS 1.2"), null)),
                null, null);
        FindingDefinition expanded = FixCommands.expand(d);
        assertThat(expanded.remediation().get(0).commands()).containsExactly(
                "reg add \"" + WINHTTP + "\" /v DefaultSecureProtocols /t REG_DWORD /d 2560 /f", "Restart-Computer");
        assertThat(expanded.remediation().get(1).commands()).containsExactly("reg query x");
    }

    /** The shipped tls12-server-disabled step states the values of its fix entries, in their order. */
    @Test
    void shippedStepsCarryTheGeneratedCommands() {
        var f = Diagnostician.load().knowledge().finding("tls12-server-disabled").orElseThrow().definition();
        StepDefinition step = f.remediation().stream().filter(StepDefinition::commandsFromFix).findFirst().orElseThrow();
        String key = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\";
        assertThat(step.commands()).containsExactly(
                "reg add \"" + key + "Server\" /v DisabledByDefault /t REG_DWORD /d 0 /f",
                "reg add \"" + key + "Server\" /v Enabled /t REG_DWORD /d 1 /f",
                "reg add \"" + key + "Client\" /v DisabledByDefault /t REG_DWORD /d 0 /f",
                "reg add \"" + key + "Client\" /v Enabled /t REG_DWORD /d 1 /f");
    }
}
