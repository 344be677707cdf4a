package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One on-premises send connector ({@code Get-SendConnector}), with the properties that decide TLS toward
 * Exchange Online (docs/healthchecker.md). Any property the input did not show is {@code null}.
 *
 * @param name                     connector name (its identity)
 * @param smartHosts               smart host names or addresses, as shown
 * @param addressSpaces            address spaces in their display form, e.g. {@code SMTP:*;1}
 * @param fqdn                     the FQDN used in EHLO and for certificate selection; {@code null} = server FQDN
 * @param tlsCertificateName       {@code <I>issuer<S>subject} as configured, or {@code null} when empty
 * @param tlsAuthLevel             {@code EncryptionOnly}, {@code CertificateValidation}, {@code DomainValidation}
 * @param cloudServicesMailEnabled the hybrid flag (HealthChecker's "CloudEnabled" for send connectors)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SendConnector(String name, Boolean enabled, List<String> smartHosts, List<String> addressSpaces,
                            String fqdn, String tlsCertificateName, Boolean requireTls, String tlsAuthLevel,
                            String tlsDomain, Boolean cloudServicesMailEnabled, Boolean ignoreStartTls,
                            Provenance source) implements Fact {

    /** HealthChecker's {@code $eopDomainRegExPattern}: a smart host that is an Exchange Online MX endpoint. */
    private static final Pattern EOP_HOST = Pattern.compile(
            "^[^.]+\\.mail\\.protection\\.(outlook\\.com|partner\\.outlook\\.cn|office365\\.us)$", Pattern.CASE_INSENSITIVE);
    /** HealthChecker's {@code $serviceDomainRegExPattern}: the service domain TlsDomain should name. */
    private static final Pattern SERVICE_DOMAIN = Pattern.compile(
            "^mail\\.protection\\.(outlook\\.com|partner\\.outlook\\.cn|office365\\.us)$", Pattern.CASE_INSENSITIVE);

    public SendConnector {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("send connector without a name");
        }
        smartHosts = ConnectorValues.list(smartHosts);
        addressSpaces = ConnectorValues.list(addressSpaces);
        fqdn = ConnectorValues.text(fqdn);
        tlsCertificateName = ConnectorValues.text(tlsCertificateName);
        tlsAuthLevel = ConnectorValues.text(tlsAuthLevel);
        tlsDomain = ConnectorValues.text(tlsDomain);
    }

    /**
     * Whether HealthChecker counts it as a connector to Exchange Online: a smart host matches its EOP pattern. (Its
     * second branch, {@code SmartHosts -eq 0 -and AddressSpaces ...}, filters the collection and so never holds.)
     */
    @JsonIgnore
    public boolean toExchangeOnline() {
        return smartHosts.stream().anyMatch(h -> EOP_HOST.matcher(h).matches());
    }

    /** Whether TlsDomain is the Exchange Online service domain (HealthChecker's service domain pattern). */
    @JsonIgnore
    public boolean tlsDomainIsServiceDomain() {
        return tlsDomain != null && SERVICE_DOMAIN.matcher(tlsDomain).matches();
    }

    @Override
    public String describe() {
        return "send connector '" + name + "': SmartHosts " + (smartHosts.isEmpty() ? "(none)" : String.join(", ", smartHosts))
                + ", TlsCertificateName " + ConnectorValues.shown(tlsCertificateName)
                + ", TlsAuthLevel " + ConnectorValues.shown(tlsAuthLevel) + ", TlsDomain " + ConnectorValues.shown(tlsDomain)
                + ", Fqdn " + ConnectorValues.shown(fqdn) + ", CloudServicesMailEnabled "
                + (cloudServicesMailEnabled == null ? "(not shown)" : cloudServicesMailEnabled)
                + ", RequireTLS " + (requireTls == null ? "(not shown)" : requireTls);
    }
}
