package io.mailflowkb.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.SendConnector;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Evidence.Kind;
import io.mailflowkb.rules.derive.ConnectorCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evidence lines say what they cite: the registry value, the event record, the connector object. */
class EvidenceRendererTest {

    @Test
    void aRegistryValueIsCitedByItsKeyAndName() {
        RegistryValue v = RegistryValue.dword("HKLM\\SYSTEM\\X\\TLS 1.2\\Client", "Enabled", 0, Provenance.of("s.reg", 19));
        assertThat(EvidenceRenderer.render(v)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REGISTRY);
            assertThat(e.object()).isEqualTo("HKLM\\SYSTEM\\X\\TLS 1.2\\Client\\Enabled");
            assertThat(e.source()).isEqualTo("s.reg:19");
        });
    }

    @Test
    void connectorEvidenceNamesTheConnectorObject() {
        SendConnector send = new SendConnector("Outbound to Office 365", true, List.of("contoso-com.mail.protection.outlook.com"),
                List.of("SMTP:*;1"), null, null, true, null, null, true, false, Provenance.of("sendconnectors.xml"));
        ReceiveConnector receive = new ReceiveConnector("EX19\\Default Frontend EX19", "EX19", true, List.of("0.0.0.0:25"),
                null, List.of("Tls"), null, null, List.of(), "FrontendTransport", List.of(), Provenance.of("rc.txt", 40));
        assertThat(EvidenceRenderer.render(send)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.CONNECTOR);
            assertThat(e.object()).isEqualTo("Outbound to Office 365");
            assertThat(e.source()).isEqualTo("sendconnectors.xml");
        });
        assertThat(EvidenceRenderer.render(receive)).extracting(Evidence::object)
                .containsExactly("EX19\\Default Frontend EX19");
        List<ConnectorCertificate> judged = ConnectorCertificate.derive(List.of(send), List.of(receive), List.of(), List.of());
        assertThat(judged).flatExtracting(EvidenceRenderer::render).extracting(Evidence::object)
                .containsExactly("Outbound to Office 365", "EX19\\Default Frontend EX19");
    }

    @Test
    void eventsSharingALineAreToldApartByRecordId() {
        List<Provenance> samples = List.of(new Provenance("ev.xml", 1, "Schannel 36874 record 7", "7"),
                new Provenance("ev.xml", 1, "Schannel 36874 record 8", "8"),
                new Provenance("ev.xml", 1, "Schannel 36874 record 9", "9"));
        EventRecord e = new EventRecord("Schannel", 36874, "Error", Map.of("Protocol", "TLS 1.2"), null, 3, null, null,
                samples);
        assertThat(EvidenceRenderer.render(e)).singleElement().satisfies(ev -> {
            assertThat(ev.kind()).isEqualTo(Kind.EVENT);
            assertThat(ev.object()).isEqualTo("7");
            assertThat(ev.fact()).contains("(Schannel 36874 record 7)").contains("also ev.xml:1 record 8, ev.xml:1 record 9");
        });
    }

    @Test
    void aLogLineIsCitedOnceEvenWhenTwoFactsComeFromIt() {
        Provenance line = new Provenance("SEND.LOG", 13, "2024-03-01T10:00:00.500Z,...,TLS negotiation failed with error SocketError");
        Symptom s = new Symptom("tls-failed-socketerror", "TLS negotiation failed with error SocketError",
                FlowDirection.OUTBOUND, PeerClass.EXCHANGE_ONLINE, null, 1, null, null, List.of(line));
        TlsOutcome t = new TlsOutcome(FlowDirection.OUTBOUND, PeerClass.EXCHANGE_ONLINE, "Internet Mail", null,
                TlsResult.FAILED, "SocketError", null, 1, null, null, List.of(Provenance.of("SEND.LOG", 13)));
        RegistryValue v = RegistryValue.dword("HKLM\\X", "Enabled", 0, Provenance.of("s.reg", 13));
        List<Evidence> all = new ArrayList<>();
        for (Object f : List.of(s, t, v, v)) {
            all.addAll(EvidenceRenderer.render(f));
        }
        all.add(Evidence.note("confirmed"));
        List<Evidence> once = EvidenceRenderer.citeEachLineOnce(all);
        assertThat(once).extracting(Evidence::source).containsExactly("SEND.LOG:13", "s.reg:13", "s.reg:13", "correlation");
        assertThat(once.get(0).fact()).as("the first keeps the place").contains("2024-03-01T10:00:00.500Z");
    }
}
