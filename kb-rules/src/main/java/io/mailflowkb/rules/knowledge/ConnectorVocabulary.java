package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.ExoInboundConnector;
import io.mailflowkb.model.fact.ExoOutboundConnector;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.SendConnector;
import io.mailflowkb.rules.derive.ConnectorCertificate;
import io.mailflowkb.rules.derive.ExoCertificateNameCheck;
import java.util.List;

/**
 * Connectors, Exchange certificates and hybrid configuration (collected), and the connector-to-certificate joins
 * (derived), as the knowledge vocabulary exposes them. Lists are shown as text joined with {@code ", "}, so
 * {@code contains} and {@code matches} work on them.
 */
final class ConnectorVocabulary {

    private ConnectorVocabulary() {
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    static void register() {
        FactVocabulary.add(new FactType<>("SendConnector", SendConnector.class, "an on-premises send connector")
                .field("name", FieldKind.TEXT, SendConnector::name, "connector name")
                .field("enabled", FieldKind.BOOLEAN, SendConnector::enabled, "Enabled")
                .field("smartHosts", FieldKind.TEXT, c -> joined(c.smartHosts()), "SmartHosts, joined with ', '")
                .field("addressSpaces", FieldKind.TEXT, c -> joined(c.addressSpaces()), "AddressSpaces, e.g. SMTP:*;1")
                .field("fqdn", FieldKind.TEXT, SendConnector::fqdn, "Fqdn (empty: the server's FQDN)")
                .field("tlsCertificateName", FieldKind.TEXT, SendConnector::tlsCertificateName, "<I>issuer<S>subject")
                .field("requireTls", FieldKind.BOOLEAN, SendConnector::requireTls, "RequireTLS")
                .field("tlsAuthLevel", FieldKind.TEXT, SendConnector::tlsAuthLevel,
                        "EncryptionOnly, CertificateValidation or DomainValidation")
                .field("tlsDomain", FieldKind.TEXT, SendConnector::tlsDomain, "TlsDomain")
                .field("tlsDomainIsServiceDomain", FieldKind.BOOLEAN, SendConnector::tlsDomainIsServiceDomain,
                        "TlsDomain is mail.protection.outlook.com (or the sovereign cloud's)")
                .field("cloudServicesMailEnabled", FieldKind.BOOLEAN, SendConnector::cloudServicesMailEnabled,
                        "CloudServicesMailEnabled")
                .field("ignoreStartTls", FieldKind.BOOLEAN, SendConnector::ignoreStartTls, "IgnoreSTARTTLS")
                .field("toExchangeOnline", FieldKind.BOOLEAN, SendConnector::toExchangeOnline,
                        "a smart host is an Exchange Online endpoint (HealthChecker's EXO connector test)"));
        FactVocabulary.add(new FactType<>("ReceiveConnector", ReceiveConnector.class, "an on-premises receive connector")
                .field("identity", FieldKind.TEXT, ReceiveConnector::identity, "SERVER\\Name")
                .field("enabled", FieldKind.BOOLEAN, ReceiveConnector::enabled, "Enabled")
                .field("bindings", FieldKind.TEXT, c -> joined(c.bindings()), "Bindings, joined with ', '")
                .field("fqdn", FieldKind.TEXT, ReceiveConnector::fqdn, "Fqdn")
                .field("authMechanism", FieldKind.TEXT, c -> joined(c.authMechanism()), "AuthMechanism flags")
                .field("offersTls", FieldKind.BOOLEAN, ReceiveConnector::offersTls, "AuthMechanism includes Tls")
                .field("requireTls", FieldKind.BOOLEAN, ReceiveConnector::requireTls, "RequireTLS")
                .field("tlsCertificateName", FieldKind.TEXT, ReceiveConnector::tlsCertificateName, "<I>issuer<S>subject")
                .field("tlsDomainCapabilities", FieldKind.TEXT, c -> joined(c.tlsDomainCapabilities()),
                        "domain:capability entries")
                .field("cloudEnabled", FieldKind.BOOLEAN, ReceiveConnector::cloudEnabled, "TlsDomainCapabilities is set")
                .field("receivesFromExchangeOnline", FieldKind.BOOLEAN, ReceiveConnector::receivesFromExchangeOnline,
                        "cloud enabled, or the Default Frontend connector on port 25")
                .field("transportRole", FieldKind.TEXT, ReceiveConnector::transportRole, "FrontendTransport or HubTransport"));
        FactVocabulary.add(new FactType<>("ExchangeCertificate", ExchangeCertificate.class,
                "a certificate on the Exchange server")
                .field("thumbprint", FieldKind.TEXT, ExchangeCertificate::thumbprint, "SHA-1 thumbprint")
                .field("subject", FieldKind.TEXT, ExchangeCertificate::subject, "CN=..., O=...")
                .field("issuer", FieldKind.TEXT, ExchangeCertificate::issuer, "issuer DN")
                .field("domains", FieldKind.TEXT, c -> joined(c.domains()), "CertificateDomains (SANs)")
                .field("services", FieldKind.TEXT, c -> c.services() == null ? null : joined(c.services()),
                        "Services, joined with ', ' (empty when the input does not carry them)")
                .field("smtp", FieldKind.BOOLEAN, ExchangeCertificate::smtp, "enabled for SMTP")
                .field("status", FieldKind.TEXT, ExchangeCertificate::status, "Valid, DateInvalid, Invalid, ...")
                .field("daysLeft", FieldKind.NUMBER, ExchangeCertificate::daysLeft, "days from collection to NotAfter")
                .field("outsideValidity", FieldKind.BOOLEAN, ExchangeCertificate::outsideValidity,
                        "expired or not yet valid when collected")
                .field("hasPrivateKey", FieldKind.BOOLEAN, ExchangeCertificate::hasPrivateKey, "HasPrivateKey")
                .field("rootCaType", FieldKind.TEXT, ExchangeCertificate::rootCaType, "ThirdParty, Registry, ..."));
        FactVocabulary.add(new FactType<>("HybridConfiguration", HybridConfiguration.class, "Get-HybridConfiguration")
                .field("onPremisesSmartHost", FieldKind.TEXT, HybridConfiguration::onPremisesSmartHost, "OnPremisesSmartHost")
                .field("tlsCertificateName", FieldKind.TEXT, HybridConfiguration::tlsCertificateName, "<I>issuer<S>subject")
                .field("serviceInstance", FieldKind.NUMBER,
                        h -> h.serviceInstance() == null ? null : h.serviceInstance().longValue(), "0 or 1 (21Vianet)"));
        FactVocabulary.add(new FactType<>("ExoInboundConnector", ExoInboundConnector.class,
                "an Exchange Online inbound connector")
                .field("name", FieldKind.TEXT, ExoInboundConnector::name, "connector name")
                .field("connectorType", FieldKind.TEXT, ExoInboundConnector::connectorType, "OnPremises or Partner")
                .field("enabled", FieldKind.BOOLEAN, ExoInboundConnector::enabled, "Enabled")
                .field("requireTls", FieldKind.BOOLEAN, ExoInboundConnector::requireTls, "RequireTls")
                .field("tlsSenderCertificateName", FieldKind.TEXT, ExoInboundConnector::tlsSenderCertificateName,
                        "certificate domain the sender must present")
                .field("restrictDomainsToCertificate", FieldKind.BOOLEAN,
                        ExoInboundConnector::restrictDomainsToCertificate, "RestrictDomainsToCertificate"));
        FactVocabulary.add(new FactType<>("ExoOutboundConnector", ExoOutboundConnector.class,
                "an Exchange Online outbound connector")
                .field("name", FieldKind.TEXT, ExoOutboundConnector::name, "connector name")
                .field("connectorType", FieldKind.TEXT, ExoOutboundConnector::connectorType, "OnPremises or Partner")
                .field("enabled", FieldKind.BOOLEAN, ExoOutboundConnector::enabled, "Enabled")
                .field("tlsSettings", FieldKind.TEXT, ExoOutboundConnector::tlsSettings,
                        "EncryptionOnly, CertificateValidation, DomainValidation or empty")
                .field("tlsDomain", FieldKind.TEXT, ExoOutboundConnector::tlsDomain, "TlsDomain")
                .field("smartHosts", FieldKind.TEXT, c -> joined(c.smartHosts()), "SmartHosts, joined with ', '"));
        FactVocabulary.add(new FactType<>("ConnectorCertificate", ConnectorCertificate.class,
                "a connector's TlsCertificateName against the server's certificates (derived, as HealthChecker)")
                .field("connector", FieldKind.TEXT, ConnectorCertificate::connector, "connector name or identity")
                .field("kind", FieldKind.TEXT, ConnectorCertificate::kind, "send or receive")
                .field("cloudEnabled", FieldKind.BOOLEAN, ConnectorCertificate::cloudEnabled,
                        "CloudServicesMailEnabled (send) or TlsDomainCapabilities set (receive)")
                .field("exchangeOnline", FieldKind.BOOLEAN, ConnectorCertificate::exchangeOnline,
                        "sends to or receives from Exchange Online")
                .field("nameStatus", FieldKind.TEXT, ConnectorCertificate::nameStatus,
                        "empty, syntax-invalid, not-found, match or not-checked")
                .field("goodSyntax", FieldKind.BOOLEAN, ConnectorCertificate::goodSyntax, "<I>...<S>... form used")
                .field("daysLeft", FieldKind.NUMBER, ConnectorCertificate::daysLeft, "matched certificate: days to NotAfter")
                .field("certificateInvalid", FieldKind.BOOLEAN, ConnectorCertificate::certificateInvalid,
                        "matched certificate expired, not yet valid or Status not Valid")
                .field("smtp", FieldKind.BOOLEAN, ConnectorCertificate::smtp, "matched certificate enabled for SMTP")
                .field("matchesHybrid", FieldKind.BOOLEAN, ConnectorCertificate::matchesHybrid,
                        "equal to the hybrid configuration's TlsCertificateName"));
        FactVocabulary.add(new FactType<>("ExoCertificateNameCheck", ExoCertificateNameCheck.class,
                "an Exchange Online inbound connector's TlsSenderCertificateName against the on-premises certificate (derived)")
                .field("connector", FieldKind.TEXT, ExoCertificateNameCheck::connector, "inbound connector name")
                .field("expected", FieldKind.TEXT, ExoCertificateNameCheck::expected, "TlsSenderCertificateName")
                .field("matches", FieldKind.BOOLEAN, ExoCertificateNameCheck::matches,
                        "a name of the on-premises certificate is covered by it"));
    }
}
