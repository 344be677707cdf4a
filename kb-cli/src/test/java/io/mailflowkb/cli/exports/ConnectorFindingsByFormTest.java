package io.mailflowkb.cli.exports;

import static io.mailflowkb.cli.exports.PsObjects.obj;
import static io.mailflowkb.cli.exports.PsObjects.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.cli.exports.PsObjects.CertName;
import io.mailflowkb.cli.exports.PsObjects.En;
import io.mailflowkb.cli.exports.PsObjects.Obj;
import io.mailflowkb.cli.exports.PsObjects.Values;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.plugins.exchange.ExchangeCollector;
import io.mailflowkb.plugins.input.ContentDetection;
import io.mailflowkb.plugins.input.WalkedFile;
import io.mailflowkb.plugins.logs.LogCollector;
import io.mailflowkb.plugins.testssl.TestsslCollector;
import io.mailflowkb.rules.Diagnostician;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each connector finding fires from the same objects exported as Format-List text, Export-Clixml and
 * ConvertTo-Json (as Windows PowerShell 5.1 writes them), read by the real collector and diagnosed by the shipped
 * knowledge; each scenario also says which findings must stay silent.
 */
class ConnectorFindingsByFormTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final String CA = "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US";
    static final String OLD_CA = "CN=DigiCert SHA2 Secure Server CA, O=DigiCert Inc, C=US";
    static final String SUBJECT = "CN=mail.contoso.com";

    static Diagnostician kb;
    static final List<FactCollector> COLLECTORS = List.of(new ExchangeCollector(), new LogCollector(),
            new TestsslCollector());

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    enum Form { FORMAT_LIST, CLIXML, JSON }

    record Scenario(String finding, List<List<Obj>> files, Set<String> absent) {
        @Override
        public String toString() {
            return finding;
        }
    }

    static Obj send(En authLevel, CertName certName, String tlsDomain) {
        return obj("Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig",
                "Outbound to Office 365 1c4f7a8e-0c1f-4d5e-9a7e-3b2c1d0e9f8a",
                p("AddressSpaces", new Values("Microsoft.Exchange.Data.AddressSpace", List.of("SMTP:*;1"))),
                p("CloudServicesMailEnabled", true),
                p("Enabled", true),
                p("Fqdn", "mail.contoso.com"),
                p("Identity", "Outbound to Office 365 1c4f7a8e-0c1f-4d5e-9a7e-3b2c1d0e9f8a"),
                p("IgnoreSTARTTLS", false),
                p("Name", "Outbound to Office 365 1c4f7a8e-0c1f-4d5e-9a7e-3b2c1d0e9f8a"),
                p("RequireTLS", true),
                p("SmartHosts", new Values("Microsoft.Exchange.Data.SmartHost",
                        List.of("contoso-com.mail.protection.outlook.com"))),
                p("TlsAuthLevel", authLevel),
                p("TlsCertificateName", certName),
                p("TlsDomain", tlsDomain));
    }

    static final En DOMAIN_VALIDATION = new En("Microsoft.Exchange.Data.TlsAuthLevel", "DomainValidation", 4);

    /** The Select-Object form of Get-ExchangeCertificate, which carries Services and Status. */
    static Obj certificate(Instant notAfter) {
        return obj("Selected.Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate", null,
                p("Thumbprint", "7A3C0D6E5F4B3A291807F6E5D4C3B2A190807F6E"),
                p("Subject", SUBJECT),
                p("Issuer", CA),
                p("NotBefore", notAfter.minus(Duration.ofDays(365))),
                p("NotAfter", notAfter),
                p("Services", new En("Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices",
                        "IIS, SMTP", 24)),
                p("Status", new En("Microsoft.Exchange.Security.Cryptography.X509Certificates.CertificateStatus",
                        "Valid", 1)),
                p("RootCAType", new En("Microsoft.Exchange.Security.Cryptography.X509Certificates.CertificateRootCAType",
                        "ThirdParty", 1)),
                p("CertificateDomains", List.of("mail.contoso.com", "autodiscover.contoso.com")),
                p("HasPrivateKey", true));
    }

    static Obj receive(En auth) {
        return obj("Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector",
                "EX19\\Default Frontend EX19",
                p("AuthMechanism", auth),
                p("Bindings", new Values("Microsoft.Exchange.Data.IPBinding", List.of("[::]:25", "0.0.0.0:25"))),
                p("Enabled", true),
                p("Fqdn", "mail.contoso.com"),
                p("Identity", "EX19\\Default Frontend EX19"),
                p("Name", "Default Frontend EX19"),
                p("RequireTLS", false),
                p("Server", "EX19"),
                p("TlsCertificateName", new CertName(CA, SUBJECT)),
                p("TlsDomainCapabilities", List.of("mail.protection.outlook.com:AcceptCloudServicesMail")),
                p("TransportRole", new En("Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole",
                        "FrontendTransport", 16384)));
    }

    /** After a real Get-InboundConnector JSON ([C21c], docs/sources.md). */
    static Obj inbound() {
        return obj("Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.TenantInboundConnector",
                "Inbound from 9b1f0c2e-4a3d-4c5b-8e7f-6a5b4c3d2e1f",
                p("Name", "Inbound from 9b1f0c2e-4a3d-4c5b-8e7f-6a5b4c3d2e1f"),
                p("Enabled", true),
                p("ConnectorType", "OnPremises"),
                p("RequireTls", true),
                p("RestrictDomainsToCertificate", false),
                p("TlsSenderCertificateName", "*.rob-knight.com"),
                p("SenderDomains", List.of("smtp:*;1")),
                p("WhenCreatedUTC", Instant.parse("2026-07-23T22:55:04Z")));
    }

    static Obj queue(String lastError) {
        return obj("Microsoft.Exchange.Data.QueueViewer.ExtensibleQueueInfo", "EX19\\3",
                p("Identity", "EX19\\3"),
                p("DeliveryType", new En("Microsoft.Exchange.Data.DeliveryType", "SmartHostConnectorDelivery", 4)),
                p("NextHopDomain", "contoso-com.mail.protection.outlook.com"),
                p("Status", new En("Microsoft.Exchange.Data.QueueViewer.QueueStatus", "Retry", 3)),
                p("MessageCount", 12),
                p("LastError", lastError));
    }

    static Stream<Arguments> cases() {
        CertName good = new CertName(CA, SUBJECT);
        Instant fine = NOW.plus(Duration.ofDays(200));
        List<Scenario> scenarios = List.of(
                new Scenario("connector-tls-certificate-missing",
                        List.of(List.of(send(DOMAIN_VALIDATION, new CertName(OLD_CA, SUBJECT), "mail.protection.outlook.com")),
                                List.of(certificate(fine))),
                        Set.of("smtp-certificate-expiring", "exo-send-connector-misconfigured")),
                new Scenario("exo-send-connector-misconfigured",
                        List.of(List.of(send(new En("Microsoft.Exchange.Data.TlsAuthLevel", "EncryptionOnly", 1), good, null)),
                                List.of(certificate(fine))),
                        Set.of("connector-tls-certificate-missing", "smtp-certificate-expiring")),
                new Scenario("smtp-certificate-expiring",
                        List.of(List.of(send(DOMAIN_VALIDATION, good, "mail.protection.outlook.com")),
                                List.of(certificate(NOW.plus(Duration.ofDays(20))))),
                        Set.of("connector-tls-certificate-missing", "exo-send-connector-misconfigured")),
                new Scenario("receive-connector-no-tls",
                        List.of(List.of(receive(new En("Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms",
                                "Integrated, BasicAuth, ExchangeServer", 22))), List.of(certificate(fine))),
                        Set.of("connector-tls-certificate-missing", "smtp-certificate-expiring")),
                new Scenario("exo-inbound-connector-cert-mismatch",
                        List.of(List.of(send(DOMAIN_VALIDATION, good, "mail.protection.outlook.com")),
                                List.of(certificate(fine)), List.of(inbound())),
                        Set.of("connector-tls-certificate-missing", "exo-send-connector-misconfigured")),
                new Scenario("exchange-out-of-date-throttled",
                        List.of(List.of(queue("450 4.7.230 Connecting Exchange server version is out-of-date; "
                                + "connection to Exchange Online throttled for 10 mins/hr."))),
                        Set.of("tls12-client-disabled")));
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            for (Form f : Form.values()) {
                out.add(Arguments.of(s, f));
            }
        }
        return out.stream();
    }

    /** The three forms of the same objects give the same facts (enums decoded, dates and collections alike). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyFormGivesTheSameFacts(Scenario scenario) throws Exception {
        Map<Form, List<String>> described = new java.util.EnumMap<>(Form.class);
        for (Form form : Form.values()) {
            // queue text is read by the log collector, which words a symptom's sample its own way: compare the id
            // a queue's Identity names the server only in the Format-List text (the report header's fallback name)
            described.put(form, read(scenario, form).facts()
                    .filter(f -> !(f instanceof io.mailflowkb.model.fact.ServerName))
                    .map(f -> f instanceof io.mailflowkb.model.fact.Symptom sy
                    ? "symptom " + sy.id() + " " + sy.direction() : f.describe()).sorted().toList());
        }
        assertThat(described.get(Form.FORMAT_LIST)).isNotEmpty().isEqualTo(described.get(Form.CLIXML));
        assertThat(described.get(Form.JSON)).isEqualTo(described.get(Form.CLIXML));
        assertThat(String.join("\n", described.get(Form.JSON))).doesNotContain("TlsAuthLevel 1", "TlsAuthLevel 4",
                "Services 24", "Status 1");
    }

    static Stream<Scenario> scenarios() {
        return cases().map(a -> (Scenario) a.get()[0]).distinct();
    }

    private final List<String> names = new ArrayList<>();

    private FactBundle read(Scenario scenario, Form form) throws Exception {
        FactBundle bundle = FactBundle.builder().build();
        names.clear();
        int i = 0;
        for (List<Obj> objects : scenario.files()) {
            String name = form.name().toLowerCase(java.util.Locale.ROOT) + i++ + switch (form) {
                case FORMAT_LIST -> ".txt";
                case CLIXML -> ".xml";
                case JSON -> ".json";
            };
            String text = switch (form) {
                case FORMAT_LIST -> PsObjects.formatList(objects);
                case CLIXML -> PsObjects.clixml(objects);
                case JSON -> PsObjects.json(objects);
            };
            Path file = dir.resolve(name);
            // Windows PowerShell 5.1: '>' and Export-Clixml write UTF-16LE with BOM; this ConvertTo-Json went through Set-Content (ANSI/UTF-8)
            Files.write(file, form == Form.JSON ? text.getBytes(StandardCharsets.UTF_8) : utf16leBom(text));
            // routed as the engine routes it: the collector whose claim on the content is strongest
            var assigned = ContentDetection.best(COLLECTORS, WalkedFile.onDisk(file, name));
            assertThat(assigned).as("a collector claims " + name).isNotNull();
            FactCollector collector = assigned.collector();
            assertThat(collector.id()).isEqualTo(form == Form.FORMAT_LIST && scenario.finding().equals(
                    "exchange-out-of-date-throttled") ? LogCollector.ID : ExchangeCollector.ID);
            CollectingSink sink = new CollectingSink(collector.id());
            collector.collect(new Request(InputKind.LOGS, file, null, name, Map.of(), kb.compiledSymptoms(), null, null), sink);
            assertThat(sink.warnings()).as("warnings reading " + name).isEmpty();
            bundle = bundle.plus(sink.toBundle());
            names.add(name);
        }
        return bundle;
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void findingFiresFromEveryForm(Scenario scenario, Form form) throws Exception {
        FactBundle bundle = read(scenario, form);
        Diagnosis d = kb.diagnose(bundle);
        Set<String> ids = d.findings().stream().map(Finding::id).collect(Collectors.toSet());
        assertThat(ids).as("findings from " + form + " " + bundle.facts().map(f -> f.describe()).toList())
                .contains(scenario.finding()).doesNotContainAnyElementsOf(scenario.absent());
        Finding f = d.findings().stream().filter(x -> x.id().equals(scenario.finding())).findFirst().orElseThrow();
        assertThat(f.evidence()).as("evidence cites the export").anyMatch(e -> names.stream().anyMatch(n -> e.source().startsWith(n)));
    }

    static byte[] utf16leBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }
}
