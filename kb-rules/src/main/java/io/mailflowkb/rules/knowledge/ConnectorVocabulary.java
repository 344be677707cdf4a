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

    static List<FactType<?>> types() {
        return List.of(
                FactType.of("SendConnector", SendConnector.class, "an on-premises send connector")
                        .text("name", SendConnector::name, "connector name")
                        .flag("enabled", SendConnector::enabled, "Enabled")
                        .list("smartHosts", SendConnector::smartHosts, "SmartHosts, joined with ', '")
                        .list("addressSpaces", c -> c.addressSpaces(), "AddressSpaces, e.g. SMTP:*;1")
                        .text("fqdn", SendConnector::fqdn, "Fqdn (empty: the server's FQDN)")
                        .text("tlsCertificateName", SendConnector::tlsCertificateName, "<I>issuer<S>subject")
                        .flag("requireTls", SendConnector::requireTls, "RequireTLS")
                        .text("tlsAuthLevel", SendConnector::tlsAuthLevel,
                                "EncryptionOnly, CertificateValidation or DomainValidation")
                        .text("tlsDomain", SendConnector::tlsDomain, "TlsDomain")
                        .flag("tlsDomainIsServiceDomain", SendConnector::tlsDomainIsServiceDomain,
                                "TlsDomain is mail.protection.outlook.com (or the sovereign cloud's)")
                        .flag("cloudServicesMailEnabled", SendConnector::cloudServicesMailEnabled,
                                "CloudServicesMailEnabled")
                        .flag("ignoreStartTls", SendConnector::ignoreStartTls, "IgnoreSTARTTLS")
                        .flag("toExchangeOnline", SendConnector::toExchangeOnline,
                                "a smart host is an Exchange Online endpoint (HealthChecker's EXO connector test)"),
                FactType.of("ReceiveConnector", ReceiveConnector.class, "an on-premises receive connector")
                        .text("identity", ReceiveConnector::identity, "SERVER\\Name")
                        .flag("enabled", ReceiveConnector::enabled, "Enabled")
                        .list("bindings", ReceiveConnector::bindings, "Bindings, joined with ', '")
                        .text("fqdn", ReceiveConnector::fqdn, "Fqdn")
                        .list("authMechanism", c -> c.authMechanism(), "AuthMechanism flags")
                        .flag("offersTls", ReceiveConnector::offersTls, "AuthMechanism includes Tls")
                        .flag("requireTls", ReceiveConnector::requireTls, "RequireTLS")
                        .text("tlsCertificateName", ReceiveConnector::tlsCertificateName, "<I>issuer<S>subject")
                        .list("tlsDomainCapabilities", ReceiveConnector::tlsDomainCapabilities,
                                "domain:capability entries")
                        .flag("cloudEnabled", ReceiveConnector::cloudEnabled, "TlsDomainCapabilities is set")
                        .flag("receivesFromExchangeOnline", ReceiveConnector::receivesFromExchangeOnline,
                                "cloud enabled, or the Default Frontend connector on port 25")
                        .text("transportRole", ReceiveConnector::transportRole, "FrontendTransport or HubTransport"),
                FactType.of("ExchangeCertificate", ExchangeCertificate.class,
                        "a certificate on the Exchange server")
                        .text("thumbprint", ExchangeCertificate::thumbprint, "SHA-1 thumbprint")
                        .text("subject", ExchangeCertificate::subject, "CN=..., O=...")
                        .text("issuer", ExchangeCertificate::issuer, "issuer DN")
                        .list("domains", c -> c.domains(), "CertificateDomains (SANs)")
                        .list("services", ExchangeCertificate::services,
                                "Services, joined with ', ' (empty when the input does not carry them)")
                        .flag("smtp", ExchangeCertificate::smtp, "enabled for SMTP")
                        .text("status", ExchangeCertificate::status, "Valid, DateInvalid, Invalid, ...")
                        .number("daysLeft", ExchangeCertificate::daysLeft, "days from collection to NotAfter")
                        .flag("outsideValidity", ExchangeCertificate::outsideValidity,
                                "expired or not yet valid when collected")
                        .flag("hasPrivateKey", ExchangeCertificate::hasPrivateKey, "HasPrivateKey")
                        .text("rootCaType", ExchangeCertificate::rootCaType, "ThirdParty, Registry, ..."),
                FactType.of("HybridConfiguration", HybridConfiguration.class, "Get-HybridConfiguration")
                        .text("onPremisesSmartHost", HybridConfiguration::onPremisesSmartHost, "OnPremisesSmartHost")
                        .text("tlsCertificateName", HybridConfiguration::tlsCertificateName, "<I>issuer<S>subject")
                        .number("serviceInstance", HybridConfiguration::serviceInstance, "0 or 1 (21Vianet)"),
                FactType.of("ExoInboundConnector", ExoInboundConnector.class,
                        "an Exchange Online inbound connector")
                        .text("name", ExoInboundConnector::name, "connector name")
                        .text("connectorType", ExoInboundConnector::connectorType, "OnPremises or Partner")
                        .flag("enabled", ExoInboundConnector::enabled, "Enabled")
                        .flag("requireTls", ExoInboundConnector::requireTls, "RequireTls")
                        .text("tlsSenderCertificateName", ExoInboundConnector::tlsSenderCertificateName,
                                "certificate domain the sender must present")
                        .flag("restrictDomainsToCertificate",
                                ExoInboundConnector::restrictDomainsToCertificate, "RestrictDomainsToCertificate"),
                FactType.of("ExoOutboundConnector", ExoOutboundConnector.class,
                        "an Exchange Online outbound connector")
                        .text("name", ExoOutboundConnector::name, "connector name")
                        .text("connectorType", ExoOutboundConnector::connectorType, "OnPremises or Partner")
                        .flag("enabled", ExoOutboundConnector::enabled, "Enabled")
                        .text("tlsSettings", ExoOutboundConnector::tlsSettings,
                                "EncryptionOnly, CertificateValidation, DomainValidation or empty")
                        .text("tlsDomain", ExoOutboundConnector::tlsDomain, "TlsDomain")
                        .list("smartHosts", ExoOutboundConnector::smartHosts, "SmartHosts, joined with ', '"),
                FactType.of("ConnectorCertificate", ConnectorCertificate.class,
                        "a connector's TlsCertificateName against the server's certificates (derived, as HealthChecker)")
                        .text("connector", ConnectorCertificate::connector, "connector name or identity")
                        .text("kind", ConnectorCertificate::kind, "send or receive")
                        .flag("cloudEnabled", ConnectorCertificate::cloudEnabled,
                                "CloudServicesMailEnabled (send) or TlsDomainCapabilities set (receive)")
                        .flag("exchangeOnline", ConnectorCertificate::exchangeOnline,
                                "sends to or receives from Exchange Online")
                        .text("nameStatus", ConnectorCertificate::nameStatus,
                                "empty, syntax-invalid, not-found, match or not-checked")
                        .flag("goodSyntax", ConnectorCertificate::goodSyntax, "<I>...<S>... form used")
                        .number("daysLeft", ConnectorCertificate::daysLeft, "matched certificate: days to NotAfter")
                        .flag("certificateInvalid", ConnectorCertificate::certificateInvalid,
                                "matched certificate expired, not yet valid or Status not Valid")
                        .flag("smtp", ConnectorCertificate::smtp, "matched certificate enabled for SMTP")
                        .flag("matchesHybrid", ConnectorCertificate::matchesHybrid,
                                "equal to the hybrid configuration's TlsCertificateName"),
                FactType.of("ExoCertificateNameCheck", ExoCertificateNameCheck.class,
                        "an Exchange Online inbound connector's TlsSenderCertificateName against the on-premises certificate (derived)")
                        .text("connector", ExoCertificateNameCheck::connector, "inbound connector name")
                        .text("expected", ExoCertificateNameCheck::expected, "TlsSenderCertificateName")
                        .flag("matches", ExoCertificateNameCheck::matches,
                                "a name of the on-premises certificate is covered by it"));
    }
}
