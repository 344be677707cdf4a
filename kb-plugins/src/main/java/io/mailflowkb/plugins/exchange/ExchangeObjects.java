package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.fact.ExoInboundConnector;
import io.mailflowkb.model.fact.ExoOutboundConnector;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.SendConnector;
import io.mailflowkb.plugins.psobject.EnumTable;
import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one PowerShell object from any export form into the fact it describes: a send or receive connector, an
 * Exchange certificate, the hybrid configuration, an Exchange Online inbound or outbound connector, or the Exchange
 * server (build and name). Recognised by its type names when the form keeps them (CLIXML), else by the properties
 * only that cmdlet's objects have (JSON, Format-List). Enums are read from their display string first, the number
 * decoded with {@link EnumTable} as fallback.
 */
final class ExchangeObjects {

    private static final Pattern ADMIN_VERSION = Pattern.compile("Version (\\d+)\\.(\\d+) \\(Build (\\d+)\\.(\\d+)\\)");

    private final String source;
    private final String collectedAt;
    private final Consumer<String> warnings;

    /**
     * @param collectedAt when the export was made, ISO-8601 (certificate expiry is judged at that moment)
     * @param warnings    receives one line per value that could not be read
     */
    ExchangeObjects(String source, String collectedAt, Consumer<String> warnings) {
        this.source = source;
        this.collectedAt = collectedAt;
        this.warnings = warnings;
    }

    /** The fact this object describes, or {@code null} when it is none of the known cmdlets' objects. */
    Fact map(PsValue.Obj o) {
        if (o.isType("SmtpSendConnectorConfig") || has(o, "SmartHosts", "AddressSpaces") && !has(o, "Bindings")
                && (has(o, "CloudServicesMailEnabled") || has(o, "TlsAuthLevel") || has(o, "DNSRoutingEnabled"))) {
            return send(o);
        }
        if (o.isType("ReceiveConnector") || has(o, "Bindings", "AuthMechanism")) {
            return receive(o);
        }
        if (o.isType("HybridConfiguration") || has(o, "OnPremisesSmartHost", "Features")) {
            return hybrid(o);
        }
        if (has(o, "TlsSettings", "RecipientDomains") || has(o, "TlsSettings", "UseMXRecord")) {
            return outbound(o);
        }
        if (has(o, "ConnectorType", "SenderDomains") || has(o, "TlsSenderCertificateName")) {
            return inbound(o);
        }
        if (o.isType("ExchangeCertificate") || o.isType("X509Certificate2") || has(o, "Thumbprint", "NotAfter")
                || has(o, "CertificateDomains", "NotAfter")
                || has(o, "RawData") && o.members().size() <= 8) {
            return Certificates.map(o, source, collectedAt, warnings);
        }
        if (o.isType("ExchangeServer") || has(o, "AdminDisplayVersion", "ServerRole")) {
            return server(o);
        }
        if (has(o, "VersionBuild", "FriendlyName")) {
            return os(o);
        }
        return null;
    }

    /**
     * HealthChecker's {@code OSInformation.BuildInformation} ({@code VersionBuild} = Win32_OperatingSystem.Version
     * such as {@code 10.0.17763}, {@code FriendlyName} = its Caption) as the Windows part of the host profile.
     */
    private HostProfile os(PsValue.Obj o) {
        String version = text(o, "VersionBuild");
        Integer build = null;
        if (version != null) {
            String[] parts = version.split("\\.");
            try {
                build = parts.length >= 3 ? Integer.valueOf(parts[2]) : null;
            } catch (NumberFormatException e) {
                warnings.accept(o.path() + ": VersionBuild '" + version + "' is not a Windows version");
            }
        }
        String product = text(o, "FriendlyName");
        if (product != null && product.startsWith("Microsoft ")) {
            product = product.substring("Microsoft ".length()); // Caption; the registry's ProductName lacks it
        }
        return new HostProfile(product, build, null, null, null, null, at(o));
    }

    private Provenance at(PsValue.Obj o) {
        return new Provenance(source, o.line(), o.path());
    }

    static boolean has(PsValue.Obj o, String... names) {
        for (String n : names) {
            if (o.member(n) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * A property as text; an AD object id that ConvertTo-Json wrote as its properties ({@code Server},
     * {@code Identity}: {@code {"Name": ..., "DistinguishedName": ...}}) by its {@code Name}.
     */
    private static String text(PsValue.Obj o, String name) {
        PsValue v = o.member(name);
        String t = PsText.text(v);
        if (t == null && v instanceof PsValue.Obj id && id.member("Name") != null) {
            return PsText.text(id.member("Name"));
        }
        return t;
    }

    private static Boolean bool(PsValue.Obj o, String name) {
        return PsText.bool(o.member(name));
    }

    private SendConnector send(PsValue.Obj o) {
        List<String> smartHosts = Shapes.list(o.member("SmartHosts"), Shapes::smartHost);
        if (smartHosts.isEmpty() && text(o, "SmartHostsString") != null) {
            smartHosts = List.of(text(o, "SmartHostsString").split("\\s*,\\s*"));
        }
        return new SendConnector(name(o), bool(o, "Enabled"), smartHosts,
                Shapes.list(o.member("AddressSpaces"), Shapes::addressSpace), text(o, "Fqdn"),
                Shapes.certificateName(o.member("TlsCertificateName")), bool(o, "RequireTLS"),
                PsText.enumValue(o.member("TlsAuthLevel"), EnumTable.TLS_AUTH_LEVEL), text(o, "TlsDomain"),
                bool(o, "CloudServicesMailEnabled"), bool(o, "IgnoreSTARTTLS"), at(o));
    }

    private ReceiveConnector receive(PsValue.Obj o) {
        String identity = text(o, "Identity");
        String server = text(o, "Server");
        if (identity == null) {
            identity = name(o);
        }
        if (!identity.contains("\\") && server != null) {
            identity = server + "\\" + identity; // as Exchange shows receive connector identities: SERVER\Name
        }
        return new ReceiveConnector(identity, server, bool(o, "Enabled"),
                Shapes.list(o.member("Bindings"), Shapes::binding), text(o, "Fqdn"),
                PsText.flags(o.member("AuthMechanism"), EnumTable.AUTH_MECHANISMS), bool(o, "RequireTLS"),
                Shapes.certificateName(o.member("TlsCertificateName")),
                Shapes.list(o.member("TlsDomainCapabilities"), Shapes::plain),
                PsText.enumValue(o.member("TransportRole"), EnumTable.TRANSPORT_ROLE),
                PsText.flags(o.member("PermissionGroups"), EnumTable.NONE), at(o));
    }

    private HybridConfiguration hybrid(PsValue.Obj o) {
        Long instance = PsText.number(o.member("ServiceInstance"));
        return new HybridConfiguration(text(o, "OnPremisesSmartHost"),
                Shapes.certificateName(o.member("TlsCertificateName")), Shapes.list(o.member("Domains"), Shapes::plain),
                Shapes.list(o.member("Features"), Shapes::plain),
                Shapes.list(o.member("SendingTransportServers"), Shapes::plain),
                Shapes.list(o.member("ReceivingTransportServers"), Shapes::plain),
                Shapes.list(o.member("EdgeTransportServers"), Shapes::plain),
                instance == null ? null : instance.intValue(), at(o));
    }

    private ExoInboundConnector inbound(PsValue.Obj o) {
        return new ExoInboundConnector(name(o), text(o, "ConnectorType"), bool(o, "Enabled"), bool(o, "RequireTls"),
                text(o, "TlsSenderCertificateName"), bool(o, "RestrictDomainsToCertificate"),
                Shapes.list(o.member("SenderDomains"), Shapes::plain),
                Shapes.list(o.member("SenderIPAddresses"), Shapes::plain), bool(o, "CloudServicesMailEnabled"), at(o));
    }

    private ExoOutboundConnector outbound(PsValue.Obj o) {
        return new ExoOutboundConnector(name(o), text(o, "ConnectorType"), bool(o, "Enabled"),
                PsText.enumValue(o.member("TlsSettings"), EnumTable.TLS_AUTH_LEVEL), text(o, "TlsDomain"),
                Shapes.list(o.member("SmartHosts"), Shapes::smartHost), bool(o, "UseMXRecord"),
                Shapes.list(o.member("RecipientDomains"), Shapes::plain), bool(o, "CloudServicesMailEnabled"), at(o));
    }

    private HostProfile server(PsValue.Obj o) {
        String build = null;
        String version = text(o, "AdminDisplayVersion");
        if (version != null) {
            Matcher m = ADMIN_VERSION.matcher(version);
            if (m.find()) {
                build = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
            } else if (version.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                build = version;
            } else {
                warnings.accept(o.path() + ": AdminDisplayVersion '" + version + "' is not 'Version a.b (Build c.d)'");
            }
        }
        return new HostProfile(null, null, null, build, null, text(o, "Name"), text(o, "Fqdn"), null, at(o));
    }

    private String name(PsValue.Obj o) {
        String n = text(o, "Name");
        if (n == null) {
            n = text(o, "Identity");
        }
        if (n == null) {
            n = o.display();
        }
        return n == null || n.isBlank() ? o.path() : n;
    }
}
