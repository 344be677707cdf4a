package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.finding.Confidence;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 11 items 3, 6 and 7: confidence as a field, "Do this first" for this server, each symptom once. */
class EvidenceAndStepsTest {

    static Diagnostician kb;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    static Finding finding(Diagnosis d, String id) {
        return d.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + d.findings().stream().map(Finding::id).toList()));
    }

    static FactBundle clientOff(String exchangeBuild) {
        return Bundles.of(Bundles.host("Windows Server 2012 R2 Standard", 9600, exchangeBuild, "EX01"),
                Bundles.schannelTree(), Bundles.dword(Bundles.proto("TLS 1.2", "Client"), "Enabled", 0));
    }

    @Test
    void doThisFirstIsTheRegistryStepWhenTheBuildIsKnownAndSupported() {
        Finding f = finding(kb.diagnose(clientOff("15.1.2507.6")), "tls12-client-disabled");
        assertThat(f.remediation().get(0).text()).startsWith("Enable TLS 1.2 for both SChannel roles");
        assertThat(f.remediation()).last().satisfies(s -> assertThat(s.text()).startsWith("Install the latest"));
        assertThat(f.remediation()).extracting(s -> s.step()).containsExactly(1, 2, 3, 4);
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void updatesComeFirstWhenTheBuildIsBelowTheBaselineOrUnknown() {
        for (String build : new String[] {"15.1.1415.1", null}) {
            Finding f = finding(kb.diagnose(clientOff(build)), "tls12-client-disabled");
            assertThat(f.remediation().get(0).text()).as(build).startsWith("Install the latest");
        }
    }

    @Test
    void aSymptomSeenManyTimesIsOneLineWithCountAndTimes() {
        List<Provenance> samples = List.of(Provenance.of("send.log", 7), Provenance.of("send.log", 19),
                Provenance.of("send.log", 31));
        Symptom s = new Symptom("socketerror-421", "421 4.4.2 Connection dropped due to SocketError", FlowDirection.OUTBOUND,
                PeerClass.EXCHANGE_ONLINE, null, 14, "2024-03-01T10:00:00Z", "2024-03-01T12:00:00Z", samples);
        Finding f = finding(kb.diagnose(Bundles.of(s)), "tls12-client-disabled");
        List<Evidence> lines = f.evidence().stream().filter(e -> e.source().startsWith("send.log")).toList();
        assertThat(lines).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("send.log:7");
            assertThat(e.fact()).contains("14 times").contains("first 2024-03-01T10:00:00Z, last 2024-03-01T12:00:00Z")
                    .contains("send.log:19").contains("send.log:31");
        });
        assertThat(f.confidence()).as("logs only: the registry was not in the inputs").isEqualTo(Confidence.LOWER);
    }

    @Test
    void aTls10SessionTowardAHostIsCitedWhereTls12ClientIsOff() {
        TlsOutcome tls10 = new TlsOutcome(FlowDirection.OUTBOUND, PeerClass.OTHER, "Internet Mail", "TLS 1.0", TlsResult.SUCCEEDED, null,
                "CALG_AES_256", 3, null, null, List.of(Provenance.of("SEND20250301-1.LOG", 12)));
        FactBundle b = Bundles.of(Bundles.host("Windows Server 2012 R2 Standard", 9600, "15.1.2507.6", "EX01"),
                Bundles.schannelTree(), Bundles.dword(Bundles.proto("TLS 1.2", "Client"), "Enabled", 0), tls10);
        Finding f = finding(kb.diagnose(b), "tls12-client-disabled");
        assertThat(f.evidence()).extracting(Evidence::source).contains("SEND20250301-1.LOG:12");
    }
}
