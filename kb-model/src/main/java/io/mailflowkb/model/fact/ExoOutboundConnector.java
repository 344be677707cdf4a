package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One Exchange Online outbound connector ({@code Get-OutboundConnector}, docs/healthchecker.md).
 *
 * @param tlsSettings {@code EncryptionOnly}, {@code CertificateValidation}, {@code DomainValidation}, or
 *                    {@code null} (the default)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExoOutboundConnector(String name, String connectorType, Boolean enabled, String tlsSettings,
                                   String tlsDomain, List<String> smartHosts, Boolean useMxRecord,
                                   List<String> recipientDomains, Boolean cloudServicesMailEnabled,
                                   Provenance source) implements Fact {

    public ExoOutboundConnector {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("outbound connector without a name");
        }
        connectorType = ConnectorValues.text(connectorType);
        tlsSettings = ConnectorValues.text(tlsSettings);
        tlsDomain = ConnectorValues.text(tlsDomain);
        smartHosts = ConnectorValues.list(smartHosts);
        recipientDomains = ConnectorValues.list(recipientDomains);
    }

    @Override
    public String describe() {
        return "Exchange Online outbound connector '" + name + "' (" + ConnectorValues.shown(connectorType)
                + "): TlsSettings " + ConnectorValues.shown(tlsSettings) + ", TlsDomain " + ConnectorValues.shown(tlsDomain)
                + (smartHosts.isEmpty() ? "" : ", SmartHosts " + String.join(", ", smartHosts));
    }
}
