package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The organisation's hybrid configuration ({@code Get-HybridConfiguration}), as HealthChecker reads it
 * (docs/healthchecker.md, [C1] in docs/sources.md).
 *
 * @param tlsCertificateName the certificate the Hybrid Configuration Wizard put on the connectors
 * @param serviceInstance    0 = worldwide, 1 = 21Vianet
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HybridConfiguration(String onPremisesSmartHost, String tlsCertificateName, List<String> domains,
                                  List<String> features, List<String> sendingTransportServers,
                                  List<String> receivingTransportServers, List<String> edgeTransportServers,
                                  Integer serviceInstance, Provenance source) implements Fact {

    public HybridConfiguration {
        onPremisesSmartHost = ConnectorValues.text(onPremisesSmartHost);
        tlsCertificateName = ConnectorValues.text(tlsCertificateName);
        domains = ConnectorValues.list(domains);
        features = ConnectorValues.list(features);
        sendingTransportServers = ConnectorValues.list(sendingTransportServers);
        receivingTransportServers = ConnectorValues.list(receivingTransportServers);
        edgeTransportServers = ConnectorValues.list(edgeTransportServers);
    }

    @Override
    public String describe() {
        return "hybrid configuration: OnPremisesSmartHost " + ConnectorValues.shown(onPremisesSmartHost)
                + ", TlsCertificateName " + ConnectorValues.shown(tlsCertificateName)
                + (domains.isEmpty() ? "" : ", Domains " + String.join(", ", domains));
    }
}
