package io.mailflowkb.cli.render.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.fix.FixChoice;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.fix.FixPlan;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated scripts change only what differs, back up first, roll back exactly, and guard the host. */
class FixScriptTest {

    static final Provenance AT = Provenance.of("ex01.reg", 3);
    static final String CLIENT = RegistryPaths.SCHANNEL_PROTOCOLS + "\\TLS 1.2\\Client";
    static final String SERVER = RegistryPaths.SCHANNEL_PROTOCOLS + "\\TLS 1.2\\Server";
    static Diagnostician kb;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    /** Server 2012 R2 / EX01: TLS 1.2 Client Enabled=0 (DisabledByDefault absent), Server set correctly. */
    static FactBundle bundle(String hostName) {
        return FactBundle.builder()
                .add(new HostProfile("Windows Server 2012 R2 Standard", 9600, "2016", "15.1.2507.6", null, hostName, AT))
                .add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, AT))
                .add(RegistryValue.dword(CLIENT, "Enabled", 0, AT))
                .add(RegistryValue.dword(SERVER, "Enabled", 1, AT))
                .add(RegistryValue.dword(SERVER, "DisabledByDefault", 0, AT))
                .build();
    }

    static Map<String, String> scripts(FactBundle b, FixScript.Format format) {
        Diagnosis d = kb.diagnose(b);
        assertThat(d.findings()).anyMatch(f -> f.id().equals("tls12-client-disabled"));
        return FixScript.generate(FixPlan.of(d, b), format, "fix");
    }

    @Test
    void changesOnlyValuesThatDifferFromTheTarget() {
        FactBundle b = bundle("EX01");
        var changes = FixPlan.of(kb.diagnose(b), b).changes();
        assertThat(changes).extracting(c -> c.key() + "|" + c.name() + "|" + c.current() + "->" + c.target())
                .containsExactly(CLIENT + "|DisabledByDefault|null->0", CLIENT + "|Enabled|0->1");
        assertThat(changes.get(0).known()).isTrue();
    }

    /**
     * Issue 11 item 8: Server Enabled = 0xffffffff is on as Windows reads it, so the fix leaves it alone (and says so
     * at run time) unless asked to normalise it to Microsoft's documented 1.
     */
    @Test
    void effectiveValuesAreLeftAloneUnlessNormalising() {
        FactBundle b = FactBundle.builder()
                .add(new HostProfile("Windows Server 2012 R2 Standard", 9600, "2016", "15.1.2507.6", null, "EX01", AT))
                .add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, AT))
                .add(RegistryValue.dword(CLIENT, "Enabled", 0, AT))
                .add(RegistryValue.dword(SERVER, "Enabled", 0xffffffffL, AT))
                .add(RegistryValue.dword(SERVER, "DisabledByDefault", 0, AT))
                .build();
        Diagnosis d = kb.diagnose(b);
        assertThat(FixPlan.of(d, b).changes()).extracting(c -> c.key() + "|" + c.name())
                .containsExactly(CLIENT + "|DisabledByDefault", CLIENT + "|Enabled");
        assertThat(FixPlan.of(d, b, Set.of(), true).changes()).extracting(c -> c.key() + "|" + c.name())
                .contains(SERVER + "|Enabled");
        String ps1 = FixScript.generate(FixPlan.of(d, b), FixScript.Format.PS1, "fix").get("fix.ps1");
        assertThat(ps1).contains("Set-KbDword '" + CLIENT + "' 'Enabled' 1 $true").contains("unchanged (same effect)");
        String normalised = FixScript.generate(FixPlan.of(d, b, Set.of(), true), FixScript.Format.PS1, "fix").get("fix.ps1");
        assertThat(normalised).contains("Set-KbDword '" + SERVER + "' 'Enabled' 1 $false");
        // the report lists only the non-standard value, not the documented ones beside it
        var nonStandard = d.findings().stream().filter(f -> f.id().equals("schannel-value-nonstandard")).findFirst();
        assertThat(nonStandard).isPresent();
        assertThat(nonStandard.get().evidence()).extracting(e -> e.fact())
                .allMatch(t -> t.contains("0xffffffff") || t.contains("ffffffff"))
                .noneMatch(t -> t.contains("DisabledByDefault"));
    }

    @Test
    void powerShellScriptGuardsBacksUpAndSetsOnlyTheDifferences() {
        Map<String, String> files = scripts(bundle("EX01"), FixScript.Format.PS1);
        assertThat(files).containsOnlyKeys("fix.ps1", "fix-rollback.ps1");
        String fix = files.get("fix.ps1");
        assertThat(fix).contains("param([switch]$Force)")
                .contains("if ($computer -ne 'EX01' -and -not $Force) {")
                .contains("$here = if ($PSScriptRoot) { $PSScriptRoot } else { (Get-Location).Path }")
                .contains("& reg.exe export '" + CLIENT + "' (Join-Path $backup '1.reg') /y")
                .contains("$path = 'Registry::' + ($Key -replace '^HKLM\\\\', 'HKEY_LOCAL_MACHINE\\')")
                .contains("Set-KbDword '" + CLIENT + "' 'DisabledByDefault' 0 $false\r\n")
                .contains("Set-KbDword '" + CLIENT + "' 'Enabled' 1 $true\r\n")
                .doesNotContain("Set-KbDword '" + SERVER)
                .contains("Restart-Computer");
        String rollback = files.get("fix-rollback.ps1");
        assertThat(rollback).contains("if ($computer -ne 'EX01' -and -not $Force) {")
                .contains("& reg.exe add '" + CLIENT + "' /v 'Enabled' /t REG_DWORD /d 0 /f")
                .contains("if ($null -ne (Get-ItemProperty -LiteralPath 'Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet"
                        + "\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client' -Name 'DisabledByDefault'"
                        + " -ErrorAction SilentlyContinue)) { & reg.exe delete '" + CLIENT + "' /v 'DisabledByDefault' /f | Out-Null }");
    }

    @Test
    void regScriptHasRollbackAndGuardedLauncher() {
        Map<String, String> files = scripts(bundle("EX01"), FixScript.Format.REG);
        assertThat(files).containsOnlyKeys("fix.reg", "fix-rollback.reg", "fix.cmd");
        String full = "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]";
        assertThat(files.get("fix.reg")).startsWith("Windows Registry Editor Version 5.00\r\n")
                .contains(full + "\r\n")
                .contains("\"DisabledByDefault\"=dword:00000000\r\n")
                .contains("\"Enabled\"=dword:00000001\r\n")
                .doesNotContain("TLS 1.2\\Server]");
        assertThat(files.get("fix-rollback.reg")).contains(full).contains("\"Enabled\"=dword:00000000\r\n")
                .contains("\"DisabledByDefault\"=-\r\n");
        assertThat(files.get("fix.cmd"))
                .contains("pushd \"%~dp0\"\r\n")
                .contains("if /I not \"%KB_HOST%\"==\"EX01\" if /I not \"%~1\"==\"/force\" (")
                .contains("reg export \"" + CLIENT + "\" %KB_BACKUP%\\1.reg /y")
                .contains("reg import fix.reg\r\n")
                .doesNotContain("%~dp0fix");
        byte[] bytes = FixScript.bytes("fix.reg", files.get("fix.reg"));
        assertThat(bytes[0]).isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xFE);
    }

    @Test
    void unknownOrUnsafeHostNameRequiresForce() {
        for (String host : new String[] {null, "EX01'; Remove-Item C:\\ -Recurse; '"}) {
            Map<String, String> files = scripts(bundle(host), FixScript.Format.PS1);
            assertThat(files.get("fix.ps1")).contains("if (-not $Force) { throw").doesNotContain("Remove-Item");
            assertThat(scripts(bundle(host), FixScript.Format.REG).get("fix.cmd")).contains("if /I not \"%~1\"==\"/force\"");
        }
    }

    /** Server 2008 R2 with no TLS 1.2 key at all: the rollback deletes what the fix creates, not only values. */
    @Test
    void rollbackDeletesTheKeysTheFixCreated() {
        FactBundle b = FactBundle.builder()
                .add(new HostProfile("Windows Server 2008 R2 Standard", 7601, "2010", "14.3.123.4", null, "EX10", AT))
                .add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, AT))
                .add(new RegistryKey(RegistryPaths.SCHANNEL_PROTOCOLS, false, true, AT))
                .add(new RegistryKey(RegistryPaths.SCHANNEL_PROTOCOLS + "\\TLS 1.0\\Server", false, true, AT))
                .add(RegistryValue.dword(RegistryPaths.SCHANNEL_PROTOCOLS + "\\TLS 1.0\\Server", "Enabled", 1, AT))
                .build();
        FixPlan plan = FixPlan.of(kb.diagnose(b), b);
        assertThat(plan.changes()).extracting(FixPlan.Change::key).contains(CLIENT, SERVER);
        assertThat(plan.created()).containsExactly(RegistryPaths.SCHANNEL_PROTOCOLS + "\\TLS 1.2");
        Map<String, String> reg = FixScript.generate(plan, FixScript.Format.REG, "fix");
        assertThat(reg.get("fix-rollback.reg"))
                .contains("[-HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2]\r\n")
                .doesNotContain("TLS 1.2\\Client]").doesNotContain("=-");
        Map<String, String> ps = FixScript.generate(plan, FixScript.Format.PS1, "fix");
        assertThat(ps.get("fix-rollback.ps1")).contains("& reg.exe delete '" + RegistryPaths.SCHANNEL_PROTOCOLS
                + "\\TLS 1.2' /f | Out-Null").doesNotContain("/v 'Enabled'");
        assertThat(FixPlan.of(kb.diagnose(bundle("EX01")), bundle("EX01")).created()).as("keys that exist are never deleted").isEmpty();
    }

    @Test
    void healthyServerGetsAnEmptyFix() {
        FactBundle b = FactBundle.builder()
                .add(new HostProfile("Windows Server 2019 Standard", 17763, "2019", "15.2.1544.4", null, "EX19", AT))
                .add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, AT))
                .add(RegistryValue.dword(CLIENT, "Enabled", 1, AT)).add(RegistryValue.dword(CLIENT, "DisabledByDefault", 0, AT))
                .add(RegistryValue.dword(SERVER, "Enabled", 1, AT)).add(RegistryValue.dword(SERVER, "DisabledByDefault", 0, AT))
                .build();
        assertThat(FixPlan.of(kb.diagnose(b), b).changes()).isEmpty();
    }

    static final String TLS10 = RegistryPaths.SCHANNEL_PROTOCOLS + "\\TLS 1.0";

    /** Server 2019 / EX19 with TLS 1.0 Enabled = 0 and DisabledByDefault = 0 on both roles: half disabled. */
    static FactBundle halfDisabledTls10() {
        return FactBundle.builder()
                .add(new HostProfile("Windows Server 2019 Standard", 17763, "2019", "15.2.1544.4", null, "EX19", AT))
                .add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, AT))
                .add(RegistryValue.dword(TLS10 + "\\Client", "Enabled", 0, AT))
                .add(RegistryValue.dword(TLS10 + "\\Client", "DisabledByDefault", 0, AT))
                .add(RegistryValue.dword(TLS10 + "\\Server", "Enabled", 0, AT))
                .add(RegistryValue.dword(TLS10 + "\\Server", "DisabledByDefault", 0, AT))
                .build();
    }

    /** Issue 14 (b): on or off for TLS 1.0/1.1 is the admin's decision; without it nothing is written, and why. */
    @Test
    void legacyVersionsAreFixedOnlyOnTheAdminsDecision() {
        FactBundle b = halfDisabledTls10();
        Diagnosis d = kb.diagnose(b);
        assertThat(d.findings()).extracting(f -> f.id()).contains("schannel-half-disabled");
        FixPlan undecided = FixPlan.of(d, b);
        assertThat(undecided.changes()).isEmpty();
        assertThat(undecided.withheld()).singleElement().asString().startsWith("schannel-half-disabled (TLS 1.0): "
                + "whether TLS 1.0 stays on is your decision").endsWith("run again with --legacy-tls on or "
                + "--legacy-tls off to write it");
        FixPlan off = FixPlan.of(d, b, Set.of(FixChoice.LEGACY_TLS_OFF), false);
        assertThat(off.withheld()).isEmpty();
        assertThat(off.changes()).extracting(c -> c.key().substring(TLS10.length()) + "|" + c.name() + "|"
                + c.current() + "->" + c.target()).containsExactly("\\Client|DisabledByDefault|0->1",
                "\\Server|DisabledByDefault|0->1");
        FixPlan on = FixPlan.of(d, b, Set.of(FixChoice.LEGACY_TLS_ON), false);
        assertThat(on.changes()).extracting(c -> c.key().substring(TLS10.length()) + "|" + c.name() + "|"
                + c.current() + "->" + c.target()).containsExactly("\\Client|Enabled|0->1", "\\Server|Enabled|0->1");
        assertThat(FixScript.generate(on, FixScript.Format.REG, "fix").get("fix.reg"))
                .contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                        + "\\Protocols\\TLS 1.0\\Client]\r\n").doesNotContain("not included");
    }

    /** A TLS 1.2 mismatch needs no decision: the mismatch finding's values are the TLS 1.2 target too. */
    @Test
    void tls12MismatchIsFixedWithTheDocumentedValues() {
        FactBundle b = bundle("EX01");
        Diagnosis d = kb.diagnose(b);
        FixPlan plan = FixPlan.of(d, b);
        assertThat(plan.withheld()).isEmpty();
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.findings())
                .containsExactly("tls12-client-disabled", "schannel-client-server-mismatch"));
        var mismatch = d.findings().stream().filter(f -> f.id().equals("schannel-client-server-mismatch")).findFirst()
                .orElseThrow();
        assertThat(mismatch.fix()).extracting(f -> f.key().substring(RegistryPaths.SCHANNEL_PROTOCOLS.length())
                + "|" + f.name() + "=" + f.value() + "|" + f.protocol()).containsExactly(
                "\\TLS 1.2\\Client|DisabledByDefault=0|TLS 1.2", "\\TLS 1.2\\Client|Enabled=1|TLS 1.2",
                "\\TLS 1.2\\Server|DisabledByDefault=0|TLS 1.2", "\\TLS 1.2\\Server|Enabled=1|TLS 1.2");
    }
}
