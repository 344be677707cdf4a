package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.rules.explain.Unmet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Root cause and confidence notes, "why not" explanations, and the two must-nots of issue 6. */
class ExplainAndCorrelationTest {

    static Diagnostician kb;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    static FactBundle tls12(long clientEnabled, Object... more) {
        FactBundle.Builder b = FactBundle.builder()
                .add(Bundles.host("Windows Server 2019 Standard", 17763, "15.2.1544.4", "EX19"))
                .add(Bundles.schannelTree());
        for (String role : new String[] {"Client", "Server"}) {
            b.add(Bundles.dword(Bundles.proto("TLS 1.2", role), "Enabled", role.equals("Client") ? clientEnabled : 1));
            b.add(Bundles.dword(Bundles.proto("TLS 1.2", role), "DisabledByDefault", 0));
        }
        for (Object o : more) {
            b.add((io.mailflowkb.model.fact.Fact) o);
        }
        return b.build();
    }

    static Finding finding(Diagnosis d, String id) {
        return d.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + d.findings().stream().map(Finding::id).toList()));
    }

    @Test
    void fallbackNamesItsRootCauseWhenTheConfigurationShowsIt() {
        Diagnosis d = kb.diagnose(tls12(0, Bundles.symptom("starttls-required-451", "451 5.7.3 Must issue a STARTTLS command first")));
        assertThat(finding(d, "starttls-fallback-rejected").evidence())
                .contains(Evidence.note("root cause: tls12-client-disabled"));
    }

    @Test
    void fallbackAloneHasLowerConfidenceAndAsksForEvidence() {
        Diagnosis d = kb.diagnose(Bundles.of(Bundles.symptom("starttls-required-451", "451 5.7.3 Must issue a STARTTLS command first")));
        assertThat(finding(d, "starttls-fallback-rejected").evidence()).extracting(Evidence::fact)
                .anySatisfy(f -> assertThat(f).startsWith("confidence: lower"));
        assertThat(d.missingEvidence()).extracting(m -> m.how())
                .anySatisfy(h -> assertThat(h).contains("reg export \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\""))
                .anySatisfy(h -> assertThat(h).contains("wevtutil qe System /q:\"*[System[Provider[@Name='Schannel']]]\" /f:xml > schannel-events.xml"));
    }

    @Test
    void certificateFailureIsNotBlamedOnTlsVersions() {
        Diagnosis d = kb.diagnose(Bundles.of(Bundles.symptom("tls-failed-unknowncredentials",
                "TLS negotiation failed with error UnknownCredentials")));
        assertThat(d.findings()).extracting(Finding::id).containsExactly("tls-certificate-problem");
    }

    @Test
    void healthyServerHasNothingAtWarningOrAbove() {
        Diagnosis d = kb.diagnose(tls12(1));
        assertThat(d.hasProblems()).as("findings %s", d.findings().stream().map(Finding::id).toList()).isFalse();
    }

    @Test
    void explainShowsFiredRulesAndWhyOthersDidNotFire() {
        Diagnostician.Explained e = kb.explain(tls12(0));
        assertThat(e.trace().fired()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("finding:tls12-client-disabled");
            assertThat(f.matched()).anySatisfy(m -> assertThat(m.fact()).contains("TLS 1.2 client is disabled"));
        });
        assertThat(e.trace().notFired())
                .anySatisfy(n -> {
                    assertThat(n.findingId()).isEqualTo("tls12-server-disabled");
                    assertThat(n.unmet().get(0)).isEqualTo(new Unmet(Unmet.Reason.NO_MATCH, "ProtocolState",
                            List.of("protocol=TLS 1.2", "role=server", "usable=false"), 0, null));
                })
                .anySatisfy(n -> {
                    assertThat(n.findingId()).isEqualTo("cipher-suite-mismatch");
                    assertThat(n.unmet().get(0).factType()).isEqualTo("CipherSuiteConfig");
                    assertThat(n.unmet().get(0).constraints()).first().isEqualTo("configured=true");
                })
                .noneSatisfy(n -> assertThat(n.findingId()).isEqualTo("tls12-client-disabled"));
        Diagnostician.Explained healthy = kb.explain(tls12(1));
        // tls12-client-disabled also has log-side conditions (alsoWhen): each is explained after the first
        assertThat(healthy.trace().notFired()).anySatisfy(n -> {
            assertThat(n.findingId()).isEqualTo("tls12-client-disabled");
            assertThat(n.unmet()).hasSizeGreaterThan(1);
            assertThat(n.unmet().get(0)).isEqualTo(new Unmet(Unmet.Reason.NO_MATCH, "ProtocolState",
                    List.of("protocol=TLS 1.2", "role=client", "usable=false"), 0, null));
            assertThat(n.unmet()).extracting(Unmet::factType).contains("TlsOutcome");
        });
        assertThat(healthy.trace().fired()).noneSatisfy(f -> assertThat(f.rule()).isEqualTo("finding:tls12-client-disabled"));
        assertThat(kb.explain(tls12(0)).diagnosis()).isEqualTo(kb.diagnose(tls12(0)));
    }
}
