package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One Exchange Online inbound connector ({@code Get-InboundConnector}, docs/healthchecker.md).
 *
 * @param connectorType            {@code OnPremises} or {@code Partner}
 * @param tlsSenderCertificateName the certificate name (an SMTP domain, wildcards allowed) the sender must present
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExoInboundConnector(String name, String connectorType, Boolean enabled, Boolean requireTls,
                                  String tlsSenderCertificateName, Boolean restrictDomainsToCertificate,
                                  List<String> senderDomains, List<String> senderIpAddresses,
                                  Boolean cloudServicesMailEnabled, Provenance source) implements Fact {

    public ExoInboundConnector {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("inbound connector without a name");
        }
        connectorType = ConnectorValues.text(connectorType);
        tlsSenderCertificateName = ConnectorValues.text(tlsSenderCertificateName);
        senderDomains = ConnectorValues.list(senderDomains);
        senderIpAddresses = ConnectorValues.list(senderIpAddresses);
    }

    @Override
    public String describe() {
        return "Exchange Online inbound connector '" + name + "' (" + ConnectorValues.shown(connectorType)
                + "): TlsSenderCertificateName " + ConnectorValues.shown(tlsSenderCertificateName)
                + ", RequireTls " + (requireTls == null ? "(not shown)" : requireTls);
    }
}
