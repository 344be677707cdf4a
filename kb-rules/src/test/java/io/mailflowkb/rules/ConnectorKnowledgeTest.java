package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.Severity;
import io.mailflowkb.rules.derive.TlsCertificateName;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connector knowledge beyond its examples: severities, evidence, and HealthChecker's TlsCertificateName parsing. */
class ConnectorKnowledgeTest {

    /** Each example bundle lives in the folder of the finding it proves: FINDING/examples/FILE. */
    static final Path EXAMPLES = Path.of("..").toAbsolutePath().normalize()
            .resolve("knowledge/tls-deprecation/findings");
    static Diagnostician kb;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    static Finding finding(String example, String id) {
        Diagnosis d = kb.diagnose(BundleCodec.read(EXAMPLES.resolve(example)));
        return d.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + d.findings()));
    }

    @Test
    void anExpiredCertificateIsCriticalAnExpiringOneAWarning() {
        Finding expired = finding("smtp-certificate-expiring/examples/cert-expired.yaml", "smtp-certificate-expiring");
        assertThat(expired.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(expired.evidence()).anyMatch(e -> e.fact().startsWith("severity critical: the certificate "
                + "7A3C0D6E5F4B3A291807F6E5D4C3B2A190807F6E of receive connector 'EX19\\Default Frontend EX19'"));
        Finding expiring = finding("smtp-certificate-expiring/examples/cert-expiring.yaml", "smtp-certificate-expiring");
        assertThat(expiring.severity()).isEqualTo(Severity.WARNING);
        assertThat(expiring.evidence()).anyMatch(e -> e.fact().contains("20 days left"));
    }

    @Test
    void evidenceNamesTheConnectorTheCertificateAndTheSymptom() {
        Finding missing = finding("connector-tls-certificate-missing/examples/cert-not-found.yaml", "connector-tls-certificate-missing");
        assertThat(missing.evidence()).anyMatch(e -> e.source().equals("sendconnectors.xml")
                && e.fact().contains("send connector 'Outbound to Office 365 1c4f7a8e-0c1f-4d5e-9a7e-3b2c1d0e9f8a'")
                && e.fact().contains("matches none of the 1 certificates"));
        assertThat(missing.evidence()).anyMatch(e -> e.source().equals("queue.txt:7"));
        Finding cert = finding("connector-tls-certificate-missing/examples/cert-not-found.yaml", "tls-certificate-problem");
        assertThat(cert.evidence()).as("tls-certificate-problem names the connector when connector facts are in")
                .anyMatch(e -> e.fact().contains("send connector 'Outbound to Office 365"));
        Finding mismatch = finding("exo-inbound-connector-cert-mismatch/examples/exo-inbound-mismatch.yaml", "exo-inbound-connector-cert-mismatch");
        assertThat(mismatch.evidence()).anyMatch(e -> e.fact().contains("expects a certificate for '*.fabrikam.com'")
                && e.fact().contains("mail.contoso.com"));
    }

    @Test
    void aConnectorCertificateNotInTheInputsAsksForTheExportWithServices() {
        Diagnosis d = kb.diagnose(BundleCodec.read(EXAMPLES.resolve("exo-send-connector-misconfigured/examples/exo-send-no-validation.yaml")));
        assertThat(d.missingEvidence()).anyMatch(m -> m.how().startsWith("Get-ExchangeCertificate | Select-Object")
                && m.how().contains("Services,Status") && m.how().endsWith("Export-Clixml certificates.xml"));
        assertThat(d.findings()).noneMatch(f -> f.id().equals("connector-tls-certificate-missing"));
    }

    @Test
    void symptomsWithoutTheConnectorsAskForThem() {
        Diagnosis throttled = kb.diagnose(BundleCodec.read(Path.of("..").toAbsolutePath().normalize()
                .resolve("knowledge/tls-deprecation/findings/tls-certificate-problem/examples/cert-nocredentials-logs-only.yaml")));
        assertThat(throttled.missingEvidence()).anyMatch(m -> m.how().equals("Get-SendConnector | Export-Clixml sendconnectors.xml"));
        Diagnosis withConnector = kb.diagnose(BundleCodec.read(EXAMPLES.resolve("connector-tls-certificate-missing/examples/cert-not-found.yaml")));
        assertThat(withConnector.missingEvidence()).noneMatch(m -> m.how().startsWith("Get-SendConnector"));
        Diagnosis tenant = kb.diagnose(BundleCodec.read(EXAMPLES.resolve("exo-inbound-connector-cert-mismatch/examples/exo-inbound-mismatch.yaml")));
        assertThat(tenant.missingEvidence()).noneMatch(m -> m.how().startsWith("Get-InboundConnector"));
    }

    /** A Format-List text and an Export-Clixml of the same cmdlet: each connector and certificate counts once. */
    @Test
    void theSameObjectsFromTwoExportsCountOnce() {
        var once = BundleCodec.read(EXAMPLES.resolve("connector-tls-certificate-missing/examples/cert-not-found.yaml"));
        Diagnosis d = kb.diagnose(once.plus(once));
        Finding f = d.findings().stream().filter(x -> x.id().equals("connector-tls-certificate-missing")).findFirst()
                .orElseThrow();
        assertThat(f.evidence()).filteredOn(e -> e.fact().contains("matches none of")).singleElement()
                .satisfies(e -> assertThat(e.fact()).contains("none of the 1 certificates"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<I>CN=CA, O=X<S>CN=mail.contoso.com|CN=CA, O=X|CN=mail.contoso.com|true",
            "<i>CN=CA<s>CN=mail.contoso.com|CN=CA|CN=mail.contoso.com|true",
            "CN=CA, O=X CN=mail.contoso.com|'CN=CA, O=X '|CN=mail.contoso.com|false",
            "mail.contoso.com|||false"})
    void tlsCertificateNameIsParsedAsHealthCheckerDoes(String text, String issuer, String subject, boolean tags) {
        TlsCertificateName n = TlsCertificateName.parse(text);
        assertThat(n.issuer()).isEqualTo(issuer);
        assertThat(n.subject()).isEqualTo(subject);
        assertThat(n.goodSyntax()).isEqualTo(tags);
        assertThat(n.syntaxInvalid()).isEqualTo(issuer == null);
    }

    @Test
    void issuerAndSubjectCompareLikePowerShellEq() {
        TlsCertificateName n = TlsCertificateName.parse("<I>CN=GeoTrust TLS RSA CA G1,OU=www.digicert.com<S>cn=MAIL.contoso.com");
        assertThat(n.names("CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com", "CN=mail.contoso.com")).isTrue();
        assertThat(n.names("CN=GeoTrust TLS RSA CA G2, OU=www.digicert.com", "CN=mail.contoso.com")).isFalse();
    }
}
