package io.mailflowkb.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.ExoInboundConnector;
import io.mailflowkb.model.fact.ExoOutboundConnector;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.SendConnector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connector, certificate and hybrid facts survive YAML and JSON, and the codec stays strict about them. */
class ConnectorBundleTest {

    static FactBundle bundle() {
        Provenance at = new Provenance("sendconnectors.xml", 2, "Obj[0]");
        return FactBundle.builder()
                .add(new SendConnector("Outbound to Office 365", true, List.of("contoso-com.mail.protection.outlook.com"),
                        List.of("SMTP:*;1"), "mail.contoso.com", "<I>CN=CA, O=X<S>CN=mail.contoso.com", true,
                        "DomainValidation", "mail.protection.outlook.com", true, false, at))
                .add(new ReceiveConnector("EX19\\Default Frontend EX19", "EX19", true, List.of("[::]:25", "0.0.0.0:25"),
                        "mail.contoso.com", List.of("Tls", "Integrated"), false, null,
                        List.of("mail.protection.outlook.com:AcceptCloudServicesMail"), "FrontendTransport",
                        List.of("AnonymousUsers"), new Provenance("receive.txt", 3, "record[0]")))
                .add(new ExchangeCertificate("7A3C", "CN=mail.contoso.com", "CN=CA, O=X", List.of("mail.contoso.com"),
                        "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", List.of("IIS", "SMTP"), "Valid", true, false,
                        "ThirdParty", "2026-12-01T07:00:00Z", new Provenance("certs.xml", 5, "Obj[1]")))
                .add(new ExchangeCertificate("7A3D", "CN=auth", "CN=auth", List.of(), null, "2027-01-01T00:00:00Z",
                        null, null, null, true, null, "2026-12-01T07:00:00Z", new Provenance("certs.xml", 40, "Obj[2]")))
                .add(new HybridConfiguration("mail.contoso.com", "<I>CN=CA, O=X<S>CN=mail.contoso.com",
                        List.of("contoso.com"), List.of("FreeBusy"), List.of("EX19"), List.of("EX19"), List.of(), 0,
                        new Provenance("hybrid.xml", 2, "Obj[0]")))
                .add(new ExoInboundConnector("Inbound", "OnPremises", true, true, "*.contoso.com", false,
                        List.of("smtp:*;1"), List.of(), null, new Provenance("inbound.json", 2, "[0]")))
                .add(new ExoOutboundConnector("Outbound", "OnPremises", true, "DomainValidation", "mail.contoso.com",
                        List.of("mail.contoso.com"), false, List.of("*"), true, new Provenance("outbound.json", 2, "[0]")))
                .build();
    }

    @ParameterizedTest
    @EnumSource(BundleCodec.Format.class)
    void roundTrip(BundleCodec.Format format) {
        FactBundle b = bundle();
        String text = BundleCodec.toString(b, format);
        FactBundle back = BundleCodec.read(text.getBytes(StandardCharsets.UTF_8), "b");
        assertThat(back).isEqualTo(b);
        assertThat(back.facts().count()).isEqualTo(7);
        assertThat(back.exchangeCertificates().get(1).services()).as("unknown services stay unknown").isNull();
        assertThat(back.exchangeCertificates().get(0).services()).containsExactly("IIS", "SMTP");
        assertThat(back.exchangeCertificates().get(0).daysLeft()).isEqualTo(30L); // 30 days 17 hours
    }

    @Test
    void unknownKeysAndBadDatesAreErrors() {
        String yaml = "schemaVersion: 1\nsendConnectors:\n  - {name: x, smartHost: [a], source: {source: s}}\n";
        assertThatThrownBy(() -> BundleCodec.read(yaml.getBytes(StandardCharsets.UTF_8), "b.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown key 'smartHost'");
        String date = "schemaVersion: 1\nexchangeCertificates:\n  - {thumbprint: A, notAfter: 'next year', source: {source: s}}\n";
        assertThatThrownBy(() -> BundleCodec.read(date.getBytes(StandardCharsets.UTF_8), "c.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an ISO-8601 instant");
    }
}
