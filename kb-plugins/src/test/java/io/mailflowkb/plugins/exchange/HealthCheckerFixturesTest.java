package io.mailflowkb.plugins.exchange;

import static io.mailflowkb.plugins.exchange.Exports.facts;
import static io.mailflowkb.plugins.exchange.Exports.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.SendConnector;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.plugins.input.WalkedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HealthChecker's own CLIXML test fixtures (CSS-Exchange, MIT) read into the facts they hold. */
class HealthCheckerFixturesTest {

    static final String PROTOCOLS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\";

    @TempDir
    Path dir;

    @Test
    void sendConnectorToExchangeOnline() throws Exception {
        List<SendConnector> sends = facts(fixture(dir, "E19_GetSendConnector.xml"), SendConnector.class);
        assertThat(sends).hasSize(1);
        SendConnector c = sends.get(0);
        assertThat(c.name()).isEqualTo("Mail to O365");
        assertThat(c.smartHosts()).containsExactly("microsoft-com.mail.protection.outlook.com");
        assertThat(c.addressSpaces()).containsExactly("SMTP:*;1");
        assertThat(c.tlsCertificateName()).isEqualTo("<I>CN=localhost<S>CN=localhost");
        assertThat(c.fqdn()).isNull();
        assertThat(c.tlsAuthLevel()).isNull();
        assertThat(c.tlsDomain()).isNull();
        assertThat(c.requireTls()).isFalse();
        assertThat(c.cloudServicesMailEnabled()).isTrue();
        assertThat(c.enabled()).isTrue();
        assertThat(c.toExchangeOnline()).isTrue();
        assertThat(c.source().source()).isEqualTo("E19_GetSendConnector.xml");
        assertThat(c.source().detail()).isEqualTo("Obj[0]");
        assertThat(c.source().line()).isEqualTo(2);
    }

    @Test
    void receiveConnectorsWithTheCloudEnabledFrontend() throws Exception {
        List<ReceiveConnector> receives = facts(fixture(dir, "E19_GetReceiveConnector.xml"), ReceiveConnector.class);
        assertThat(receives).extracting(ReceiveConnector::identity).containsExactly(
                "WIN-CTD3L0RGEN4\\Default WIN-CTD3L0RGEN4", "WIN-CTD3L0RGEN4\\Client Proxy WIN-CTD3L0RGEN4",
                "WIN-CTD3L0RGEN4\\Default Frontend WIN-CTD3L0RGEN4",
                "WIN-CTD3L0RGEN4\\Outbound Proxy Frontend WIN-CTD3L0RGEN4",
                "WIN-CTD3L0RGEN4\\Client Frontend WIN-CTD3L0RGEN4");
        ReceiveConnector frontend = receives.get(2);
        assertThat(frontend.authMechanism())
                .containsExactly("Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer");
        assertThat(frontend.bindings()).containsExactly("[::]:25", "0.0.0.0:25");
        assertThat(frontend.tlsCertificateName()).isEqualTo("<I>CN=WIN-CTD3L0RGEN4<S>CN=WIN-CTD3L0RGEN4");
        assertThat(frontend.tlsDomainCapabilities()).containsExactly("fabrikam.com:AcceptCloudServicesMail");
        assertThat(frontend.transportRole()).isEqualTo("FrontendTransport");
        assertThat(frontend.cloudEnabled()).isTrue();
        assertThat(frontend.receivesFromExchangeOnline()).isTrue();
        assertThat(frontend.offersTls()).isTrue();
        assertThat(frontend.source().detail()).isEqualTo("Obj[2]");
        assertThat(receives.get(0).tlsCertificateName()).isNull();
        assertThat(receives.get(0).bindings()).containsExactly("0.0.0.0:2525", "[::]:2525");
        assertThat(receives.get(4).authMechanism()).containsExactly("Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS");
        assertThat(receives.get(4).receivesFromExchangeOnline()).isFalse();
    }

    @Test
    void hybridConfiguration() throws Exception {
        List<HybridConfiguration> h = facts(fixture(dir, "E19_GetHybridConfiguration.xml"), HybridConfiguration.class);
        assertThat(h).hasSize(1);
        assertThat(h.get(0).onPremisesSmartHost()).isEqualTo("mail.contoso.com");
        assertThat(h.get(0).tlsCertificateName()).isEqualTo(
                "<I>CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US<S>CN=mail.contoso.com");
        assertThat(h.get(0).domains()).containsExactly("contoso.com");
        assertThat(h.get(0).sendingTransportServers()).containsExactly("ex-02");
        assertThat(h.get(0).receivingTransportServers()).containsExactly("ex-02");
        assertThat(h.get(0).edgeTransportServers()).isEmpty();
        assertThat(h.get(0).serviceInstance()).isZero();
        assertThat(h.get(0).features()).contains("FreeBusy", "SecureMail");
    }

    /**
     * The certificates' DER RawData decoded by the JDK must agree with the display text Exchange serialized beside
     * it ({@code <ToString>} with [Subject], [Issuer], [Thumbprint]), an independent rendering of the same data.
     */
    @Test
    void certificatesFromRawDataAgreeWithTheirDisplayText() throws Exception {
        for (String f : List.of("E19_GetExchangeCertificate.xml", "E16_GetExchangeCertificate.xml",
                "GetExchangeCertificateMultipleMatches.xml")) {
            CollectingSink sink = fixture(dir, f);
            List<ExchangeCertificate> certs = facts(sink, ExchangeCertificate.class);
            List<Map<String, String>> shown = displayed(new String(Exports.resource("healthchecker/" + f),
                    StandardCharsets.UTF_8));
            assertThat(certs).as(f).hasSize(shown.size()).isNotEmpty();
            for (int i = 0; i < certs.size(); i++) {
                ExchangeCertificate c = certs.get(i);
                assertThat(c.thumbprint()).as(f + " #" + i).isEqualTo(shown.get(i).get("Thumbprint"));
                assertThat(c.subject()).as(f + " #" + i).isEqualTo(shown.get(i).get("Subject"));
                assertThat(c.issuer()).as(f + " #" + i).isEqualTo(shown.get(i).get("Issuer"));
                assertThat(c.services()).as("Services live only in the BinaryFormatter blob").isNull();
                assertThat(c.status()).isNull();
                assertThat(c.collectedAt()).isEqualTo(Exports.NOW.toString());
                assertThat(c.source().detail()).isEqualTo("Obj[" + i + "]");
            }
        }
        ExchangeCertificate auth = facts(fixture(dir, "E19_GetExchangeCertificate.xml"), ExchangeCertificate.class).get(0);
        assertThat(auth.subject()).isEqualTo("CN=Microsoft Exchange Server Auth Certificate");
        assertThat(auth.thumbprint()).isEqualTo("C3EDCF181EF4F9B53D01768ECA99564014BCA6E7");
        assertThat(auth.selfSigned()).isTrue();
        assertThat(auth.notAfter()).startsWith("2024-11-06T");
        assertThat(auth.daysLeft()).isNegative();
    }

    private static List<Map<String, String>> displayed(String xml) {
        List<Map<String, String>> out = new ArrayList<>();
        Matcher m = Pattern.compile("<ToString>(\\[Subject\\][^<]*)</ToString>").matcher(xml);
        while (m.find()) {
            String[] lines = m.group(1).replace("_x000D__x000A_", "\n").split("\n");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i + 1 < lines.length; i++) {
                if (lines[i].startsWith("[") && lines[i].endsWith("]")) {
                    fields.put(lines[i].substring(1, lines[i].length() - 1).replace(" ", ""), lines[i + 1].strip());
                }
            }
            out.add(fields);
        }
        return out;
    }

    @Test
    void exchangeServerBuildAndName() throws Exception {
        List<HostProfile> hosts = facts(fixture(dir, "E19_GetExchangeServer.xml"), HostProfile.class);
        assertThat(hosts).hasSize(1);
        assertThat(hosts.get(0).exchangeBuild()).isEqualTo("15.2.986.5");
        assertThat(hosts.get(0).hostName()).isEqualTo("SOLO-E19A");
    }

    @Test
    void tlsSettingsBecomeTheRawRegistryValues() throws Exception {
        CollectingSink sink = fixture(dir, "E19_GetAllTlsSettings.xml");
        Map<String, Long> v = values(sink);
        assertThat(v).containsEntry(PROTOCOLS + "TLS 1.2\\Server Enabled", 1L)
                .containsEntry(PROTOCOLS + "TLS 1.2\\Server DisabledByDefault", 0L)
                .containsEntry(PROTOCOLS + "TLS 1.2\\Client Enabled", 1L)
                .containsEntry(PROTOCOLS + "TLS 1.0\\Server Enabled", 0L)
                .containsEntry(PROTOCOLS + "TLS 1.0\\Client DisabledByDefault", 1L)
                .containsEntry(PROTOCOLS + "TLS 1.1\\Client Enabled", 0L)
                .containsEntry("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 SystemDefaultTlsVersions", 1L)
                .containsEntry("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 SchUseStrongCrypto", 0L);
        assertThat(v.keySet()).noneMatch(k -> k.contains("TLS 1.3"));
        // the hand-edited fixture gives TLS 1.0's ServerRegistryPath as TLS 1.2: reported, values kept on TLS 1.0
        assertThat(sink.warnings()).anyMatch(w -> w.contains("ServerRegistryPath says") && w.contains("TLS 1.2\\Server")
                && w.contains("for TLS 1.0"));
        List<RegistryKey> keys = facts(sink, RegistryKey.class);
        assertThat(keys).extracting(RegistryKey::key).contains(PROTOCOLS + "TLS 1.0\\Server", PROTOCOLS + "TLS 1.2\\Client");
        RegistryValue enabled = facts(sink, RegistryValue.class).stream()
                .filter(r -> r.key().endsWith("TLS 1.2\\Server") && r.name().equals("Enabled")).findFirst().orElseThrow();
        assertThat(enabled.source().detail()).isEqualTo("Obj[0].MS.Registry.MS.TLS.DCT[1.2].MS.ServerEnabledValue");
    }

    @Test
    void tlsSettingsKeepNonStandardAndAbsentValues() throws Exception {
        Map<String, Long> v = values(fixture(dir, "E19_GetAllTlsSettings1.xml"));
        assertThat(v).containsEntry(PROTOCOLS + "TLS 1.0\\Client Enabled", 0xffffffffL)
                .containsEntry(PROTOCOLS + "TLS 1.0\\Server Enabled", 0L)
                .containsEntry("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727 SchUseStrongCrypto", 1L);
        assertThat(v.keySet()).noneMatch(k -> k.contains("TLS 1.3")); // Nil: the values are absent
        Map<String, Long> e16 = values(fixture(dir, "E16_GetAllTlsSettings.xml"));
        assertThat(e16).containsEntry(PROTOCOLS + "TLS 1.0\\Server Enabled", 1L)
                .doesNotContainKey(PROTOCOLS + "TLS 1.0\\Server DisabledByDefault")
                .doesNotContainKey(PROTOCOLS + "TLS 1.2\\Client Enabled");
        assertThat(e16.keySet()).noneMatch(k -> k.contains(".NETFramework"));
    }

    /** The fixtures nested where a whole HealthChecker-<server>-<date>.xml keeps them (SOURCES.md: assembled). */
    @Test
    void wholeHealthCheckerFileGivesEveryPartWithItsGenerationTime() throws Exception {
        String name = "HealthChecker-SOLO-E19A-20261120100000.xml";
        CollectingSink sink = Exports.collect(dir, name, Exports.resource("healthchecker/assembled/" + name));
        assertThat(new ExchangeCollector().claim(WalkedFile.of(name,
                Exports.resource("healthchecker/assembled/" + name))).kind()).isEqualTo("HealthChecker XML (CLIXML)");
        assertThat(facts(sink, SendConnector.class)).extracting(SendConnector::name).containsExactly("Mail to O365");
        assertThat(facts(sink, ReceiveConnector.class)).hasSize(5);
        assertThat(facts(sink, HybridConfiguration.class)).hasSize(1);
        List<ExchangeCertificate> certs = facts(sink, ExchangeCertificate.class);
        assertThat(certs).hasSize(3).allMatch(c -> c.collectedAt().equals("2026-11-20T09:00:00Z"));
        assertThat(facts(sink, HostProfile.class)).extracting(HostProfile::hostName).contains("SOLO-E19A");
        assertThat(facts(sink, HostProfile.class)).extracting(HostProfile::exchangeBuild).contains("15.2.986.5");
        Map<String, Long> v = values(sink);
        assertThat(v).containsEntry(PROTOCOLS + "TLS 1.2\\Server Enabled", 1L)
                .hasSize(20); // TLS 1.0-1.2 x 2 roles x 2 values, .NET v2 and v4 x 2 views x 2 values
        RegistryValue enabled = facts(sink, RegistryValue.class).stream()
                .filter(r -> r.key().endsWith("TLS 1.2\\Server") && r.name().equals("Enabled")).findFirst().orElseThrow();
        assertThat(enabled.source().detail()).isEqualTo(
                "Obj[0].MS.HealthCheckerExchangeServer.MS.OSInformation.MS.TLSSettings.MS.Registry.MS.TLS.DCT[1.2].MS.ServerEnabledValue");
        SendConnector send = facts(sink, SendConnector.class).get(0);
        assertThat(send.source().detail()).isEqualTo(
                "Obj[0].MS.HealthCheckerExchangeServer.MS.OrganizationInformation.MS.GetSendConnector.LST[0]");
    }

    /** HealthChecker's OSInformation.BuildInformation shape (Get-OperatingSystemInformation.ps1 [C1]), inline. */
    @Test
    void operatingSystemBuildInformation() throws Exception {
        String xml = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
                + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T></TN><MS>"
                + "<Obj N=\"BuildInformation\" RefId=\"1\"><TNRef RefId=\"0\" /><MS>"
                + "<S N=\"VersionBuild\">10.0.17763</S><S N=\"MajorVersion\">Windows2019</S>"
                + "<S N=\"FriendlyName\">Microsoft Windows Server 2019 Standard</S></MS></Obj></MS></Obj></Objs>";
        List<HostProfile> hosts = facts(Exports.collect(dir, "os.xml", xml.getBytes(StandardCharsets.UTF_8)),
                HostProfile.class);
        assertThat(hosts).singleElement().satisfies(h -> {
            assertThat(h.windowsProduct()).isEqualTo("Windows Server 2019 Standard");
            assertThat(h.windowsBuild()).isEqualTo(17763);
            assertThat(h.source().detail()).isEqualTo("Obj[0].MS.BuildInformation");
        });
    }

    @Test
    void cipherSuiteFixturesHoldNoFactsOfOurs() throws Exception {
        for (String f : List.of("GetTlsCipherSuite.xml", "TlsCipherGPOPath.xml", "TlsCipherLocalPath.xml")) {
            CollectingSink sink = fixture(dir, f);
            assertThat(sink.facts()).as(f).isEmpty();
            assertThat(sink.inputs().get(0).skipped()).as(f).contains("no Exchange connector");
        }
    }

    static Map<String, Long> values(CollectingSink sink) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (RegistryValue r : facts(sink, RegistryValue.class)) {
            out.put(r.key() + " " + r.name(), r.number());
        }
        return out;
    }
}
