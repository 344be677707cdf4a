package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * One on-premises receive connector ({@code Get-ReceiveConnector}) (docs/healthchecker.md). Any
 * property the input did not show is {@code null} (lists: empty).
 *
 * @param identity              {@code SERVER\Name}
 * @param authMechanism         the AuthMechanism flags, e.g. {@code [Tls, Integrated, BasicAuth]}
 * @param tlsDomainCapabilities {@code domain:capability} entries; non-empty makes it "cloud enabled" (HealthChecker)
 * @param transportRole         {@code FrontendTransport} or {@code HubTransport}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReceiveConnector(String identity, String server, Boolean enabled, List<String> bindings, String fqdn,
                               List<String> authMechanism, Boolean requireTls, String tlsCertificateName,
                               List<String> tlsDomainCapabilities, String transportRole, List<String> permissionGroups,
                               Provenance source) implements Fact {

    public ReceiveConnector {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("receive connector without an identity");
        }
        server = ConnectorValues.text(server);
        bindings = ConnectorValues.list(bindings);
        fqdn = ConnectorValues.text(fqdn);
        authMechanism = ConnectorValues.list(authMechanism);
        tlsCertificateName = ConnectorValues.text(tlsCertificateName);
        tlsDomainCapabilities = ConnectorValues.list(tlsDomainCapabilities);
        transportRole = ConnectorValues.text(transportRole);
        permissionGroups = ConnectorValues.list(permissionGroups);
    }

    /** The name without the {@code SERVER\} prefix. */
    @JsonIgnore
    public String name() {
        int slash = identity.indexOf('\\');
        return slash < 0 ? identity : identity.substring(slash + 1);
    }

    /** HealthChecker's CloudEnabled for receive connectors: TlsDomainCapabilities is not empty. */
    @JsonIgnore
    public boolean cloudEnabled() {
        return !tlsDomainCapabilities.isEmpty();
    }

    /**
     * Whether this is the connector Exchange Online delivers to: cloud enabled, or the {@code Default Frontend}
     * connector the Hybrid Configuration Wizard uses (docs/healthchecker.md) bound to port 25.
     */
    @JsonIgnore
    public boolean receivesFromExchangeOnline() {
        boolean defaultFrontend = name().toLowerCase(Locale.ROOT).startsWith("default frontend")
                && (bindings.isEmpty() || bindings.stream().anyMatch(b -> b.endsWith(":25")));
        return cloudEnabled() || defaultFrontend;
    }

    /** Whether AuthMechanism includes {@code Tls} (STARTTLS is offered); {@code null} when not shown. */
    @JsonIgnore
    public Boolean offersTls() {
        return authMechanism.isEmpty() ? null : ConnectorValues.containsIgnoreCase(authMechanism, "Tls");
    }

    @Override
    public String describe() {
        return "receive connector '" + identity + "': AuthMechanism "
                + (authMechanism.isEmpty() ? "(not shown)" : String.join(", ", authMechanism))
                + ", TlsCertificateName " + ConnectorValues.shown(tlsCertificateName)
                + ", TlsDomainCapabilities " + (tlsDomainCapabilities.isEmpty() ? "(none)" : String.join(", ", tlsDomainCapabilities))
                + (bindings.isEmpty() ? "" : ", Bindings " + String.join(", ", bindings));
    }
}
