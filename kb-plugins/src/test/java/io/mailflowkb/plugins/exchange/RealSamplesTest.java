package io.mailflowkb.plugins.exchange;

import static io.mailflowkb.plugins.exchange.Exports.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.ExoInboundConnector;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.spi.CollectingSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real output samples of the corpus (their sources in src/test/resources/corpus/SOURCES.md): Get-ExchangeCertificate
 * | Format-List from an Exchange 2013 blog and a non-US culture copy, saved as Windows PowerShell 5.1 saves them, and
 * the Get-InboundConnector JSON wire form; plus hostile CLIXML.
 */
class RealSamplesTest {

    @TempDir
    Path dir;

    static byte[] utf16leBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    /** [C21a] verbatim, with the Subject and Thumbprint lines a default Format-List also prints (elided in the note). */
    static final String QUOVADIS = String.join("\r\n", "",
            "AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule,",
            "                        System.Security.AccessControl.CryptoKeyAccessRule,",
            "                        ...}",
            "CertificateDomains : {owa.domain.com, autodiscover.domain.com}",
            "HasPrivateKey      : True",
            "Issuer             : CN=QuoVadis EV SSL ICA G1, O=QuoVadis Limited, C=BM",
            "NotAfter           : 12/02/2018 1:53:00 PM",
            "RootCAType         : Registry",
            "Services           : IMAP, POP, IIS, SMTP",
            "Status             : Valid",
            "Subject            : CN=owa.domain.com",
            "Thumbprint         : 3D4A1E8F0B2C6D7E9F1A3B5C7D9E1F2A4B6C8D0E",
            "", "");

    @Test
    void formatListCertificateFromTheBlogSample() throws Exception {
        CollectingSink sink = Exports.collect(dir, "cert.txt", utf16leBom(QUOVADIS));
        List<ExchangeCertificate> certs = facts(sink, ExchangeCertificate.class);
        assertThat(certs).hasSize(1);
        ExchangeCertificate c = certs.get(0);
        assertThat(c.issuer()).isEqualTo("CN=QuoVadis EV SSL ICA G1, O=QuoVadis Limited, C=BM");
        assertThat(c.subject()).isEqualTo("CN=owa.domain.com");
        assertThat(c.domains()).containsExactly("owa.domain.com", "autodiscover.domain.com");
        assertThat(c.notAfter()).isEqualTo("2018-12-02T13:53:00Z");
        assertThat(c.services()).containsExactly("IMAP", "POP", "IIS", "SMTP");
        assertThat(c.smtp()).isTrue();
        assertThat(c.status()).isEqualTo("Valid");
        assertThat(c.rootCaType()).isEqualTo("Registry");
        assertThat(c.hasPrivateKey()).isTrue();
        assertThat(c.outsideValidity()).isTrue();
        assertThat(c.source().line()).isEqualTo(2);
        assertThat(sink.warnings()).singleElement().asString().contains("AccessRules was cut by PowerShell");
    }

    @Test
    void formatListCertificateInAnotherCulture() throws Exception {
        String text = String.join("\r\n", "",
                "CertificateDomains : {MOS-MAIL, MOS-MAIL.avalonelectrotech.local}",
                "HasPrivateKey      : True",
                "Issuer             : CN=MOS-MAIL",
                "NotAfter           : 02.02.2028 4:22:23",
                "RootCAType         : None",
                "Services           : IMAP, POP, IIS, SMTP",
                "Status             : Valid",
                "Subject            : CN=MOS-MAIL",
                "", "");
        ExchangeCertificate c = facts(Exports.collect(dir, "cert-de.txt", utf16leBom(text)), ExchangeCertificate.class).get(0);
        assertThat(c.notAfter()).isEqualTo("2028-02-02T04:22:23Z");
        assertThat(c.domains()).containsExactly("MOS-MAIL", "MOS-MAIL.avalonelectrotech.local");
        assertThat(c.rootCaType()).isEqualTo("None");
        assertThat(c.daysLeft()).isEqualTo(427L);
    }

    @Test
    void inboundConnectorJsonWireForm() throws Exception {
        String json = """
                [
                  {
                    "Name": "Inbound from rob-knight.com",
                    "ConnectorType": "OnPremises",
                    "Enabled": true,
                    "RequireTls": true,
                    "RestrictDomainsToCertificate": false,
                    "TlsSenderCertificateName": "*.rob-knight.com",
                    "SenderDomains": ["smtp:*;1"],
                    "WhenCreatedUTC": "2026-07-23T22:55:04.0000000Z"
                  },
                  {
                    "Name": "Partner",
                    "ConnectorType": "Partner",
                    "RequireTls": true,
                    "RestrictDomainsToCertificate": false,
                    "TlsSenderCertificateName": null,
                    "SenderDomains": ["smtp:*;1"]
                  }
                ]
                """;
        List<ExoInboundConnector> in = facts(Exports.collect(dir, "inbound.json", json.getBytes(StandardCharsets.UTF_8)),
                ExoInboundConnector.class);
        assertThat(in).hasSize(2);
        assertThat(in.get(0).connectorType()).isEqualTo("OnPremises");
        assertThat(in.get(0).tlsSenderCertificateName()).isEqualTo("*.rob-knight.com");
        assertThat(in.get(0).senderDomains()).containsExactly("smtp:*;1");
        assertThat(in.get(0).requireTls()).isTrue();
        assertThat(in.get(0).source().detail()).isEqualTo("[0]");
        assertThat(in.get(0).source().line()).isEqualTo(2);
        assertThat(in.get(1).tlsSenderCertificateName()).isNull();
    }

    /** ConvertTo-Json writes AD object ids (Server, Identity) as objects and enums as numbers. */
    @Test
    void receiveConnectorJsonWithObjectIdsAndNumericEnums() throws Exception {
        String json = "{\r\n    \"AuthMechanism\":  31,\r\n    \"Bindings\":  [\r\n        {\r\n"
                + "            \"Address\":  \"::\",\r\n            \"Port\":  25\r\n        }\r\n    ],\r\n"
                + "    \"Server\":  {\r\n        \"Name\":  \"EX19\",\r\n        \"DistinguishedName\":  \"CN=EX19,CN=Servers\"\r\n    },\r\n"
                + "    \"Identity\":  {\r\n        \"Name\":  \"Default Frontend EX19\"\r\n    },\r\n"
                + "    \"Name\":  \"Default Frontend EX19\",\r\n    \"TransportRole\":  16384,\r\n"
                + "    \"TlsDomainCapabilities\":  [\r\n\r\n    ]\r\n}";
        var r = facts(Exports.collect(dir, "rc.json", utf16leBom(json)), ReceiveConnector.class).get(0);
        assertThat(r.server()).isEqualTo("EX19");
        assertThat(r.identity()).isEqualTo("EX19\\Default Frontend EX19");
        assertThat(r.authMechanism()).containsExactly("Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer");
        assertThat(r.bindings()).containsExactly("[::]:25");
        assertThat(r.transportRole()).isEqualTo("FrontendTransport");
        assertThat(r.receivesFromExchangeOnline()).isTrue();
    }

    @Test
    void hostileClixmlIsRefusedWithTheFileAndLine() {
        String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE Objs [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
                + "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><S>&b;</S></Objs>";
        assertThatThrownBy(() -> Exports.collect(dir, "bomb.xml", dtd.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bomb.xml").hasMessageContaining("DTD");
        StringBuilder deep = new StringBuilder("<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n");
        deep.append("<Obj RefId=\"0\"><MS>".repeat(100)).append("</MS></Obj>".repeat(100)).append("</Objs>");
        assertThatThrownBy(() -> Exports.collect(dir, "deep.xml", deep.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("deep.xml").hasMessageContaining("nested deeper");
        String cut = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n  <Obj RefId=\"0\">\n"
                + "    <Props><S N=\"Name\">x</S>\n";
        assertThatThrownBy(() -> Exports.collect(dir, "cut.xml", cut.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cut.xml").hasMessageContaining("malformed CLIXML");
        String badRef = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
                + "<Obj RefId=\"0\"><MS><Ref N=\"x\" RefId=\"7\" /></MS></Obj></Objs>";
        assertThatThrownBy(() -> Exports.collect(dir, "ref.xml", badRef.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessage("ref.xml:2: <Ref RefId=\"7\"> names no earlier object");
    }

    @Test
    void escapesAreDecoded() throws Exception {
        String xml = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
                + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.HybridConfiguration</T></TN>"
                + "<Props><S N=\"OnPremises_x0053_martHost\">mail.contoso.com_x000D__x000A_</S>"
                + "<S N=\"TlsCertificateName\">&lt;I&gt;CN=CA&lt;S&gt;CN=mail_x005F_x.contoso.com</S>"
                + "<Obj N=\"Features\"><LST><S>FreeBusy</S><S>SecureMail</S></LST></Obj></Props></Obj></Objs>";
        var h = facts(Exports.collect(dir, "h.xml", xml.getBytes(StandardCharsets.UTF_8)),
                HybridConfiguration.class).get(0);
        assertThat(h.onPremisesSmartHost()).isEqualTo("mail.contoso.com");
        assertThat(h.tlsCertificateName()).isEqualTo("<I>CN=CA<S>CN=mail_x.contoso.com");
        assertThat(h.features()).containsExactly("FreeBusy", "SecureMail");
    }
}
