package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.ExoInboundConnector;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.SendConnector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An Exchange Online OnPremises inbound connector's TlsSenderCertificateName against the names of the certificate
 * the on-premises server presents to Exchange Online (finding exo-inbound-connector-cert-mismatch in knowledge/,
 * docs/healthchecker.md): the certificate
 * the Exchange Online send connector's TlsCertificateName names (its subject CN and SANs when the certificate is in
 * the inputs, else the CN in TlsCertificateName), or else the hybrid configuration's. No fact when neither is known.
 *
 * @param presented the on-premises certificate names compared
 * @param basis     where they came from, e.g. {@code send connector 'Outbound to Office 365'}
 */
public record ExoCertificateNameCheck(String connector, String expected, List<String> presented, String basis,
                                      boolean matches, Provenance source) implements Derived {

    public static List<ExoCertificateNameCheck> derive(List<?> inbound, List<?> sends, List<?> certificates,
                                                       List<?> hybrids) {
        Set<String> names = new LinkedHashSet<>();
        String basis = null;
        for (Object o : sends) {
            SendConnector s = (SendConnector) o;
            if (s.toExchangeOnline() && s.tlsCertificateName() != null && names.isEmpty()) {
                names.addAll(namesOf(s.tlsCertificateName(), certificates));
                basis = "send connector '" + s.name() + "'";
            }
        }
        for (Object o : hybrids) {
            HybridConfiguration h = (HybridConfiguration) o;
            if (names.isEmpty() && h.tlsCertificateName() != null) {
                names.addAll(namesOf(h.tlsCertificateName(), certificates));
                basis = "hybrid configuration";
            }
        }
        List<ExoCertificateNameCheck> out = new ArrayList<>();
        if (names.isEmpty()) {
            return out;
        }
        for (Object o : inbound) {
            ExoInboundConnector c = (ExoInboundConnector) o;
            if (!"OnPremises".equalsIgnoreCase(c.connectorType()) || c.tlsSenderCertificateName() == null) {
                continue;
            }
            boolean match = names.stream().anyMatch(n -> covers(c.tlsSenderCertificateName(), n));
            out.add(new ExoCertificateNameCheck(c.name(), c.tlsSenderCertificateName(), List.copyOf(names), basis,
                    match, c.source()));
        }
        return out;
    }

    private static Set<String> namesOf(String tlsCertificateName, List<?> certificates) {
        TlsCertificateName parsed = TlsCertificateName.parse(tlsCertificateName);
        Set<String> names = new LinkedHashSet<>();
        for (Object o : certificates) {
            ExchangeCertificate cert = (ExchangeCertificate) o;
            if (parsed.names(cert.issuer(), cert.subject())) {
                String cn = TlsCertificateName.commonName(cert.subject());
                if (cn != null) {
                    names.add(cn);
                }
                names.addAll(cert.domains());
            }
        }
        if (names.isEmpty() && parsed.subjectCommonName() != null) {
            names.add(parsed.subjectCommonName());
        }
        return names;
    }

    /** Exchange Online accepts a wildcard on either side ({@code *.contoso.com}); names compare case-insensitively. */
    static boolean covers(String expected, String presented) {
        String e = expected.strip().toLowerCase(Locale.ROOT);
        String p = presented.strip().toLowerCase(Locale.ROOT);
        return e.equals(p) || wildcard(e, p) || wildcard(p, e);
    }

    private static boolean wildcard(String pattern, String name) {
        return pattern.startsWith("*.") && name.endsWith(pattern.substring(1)) && name.length() > pattern.length() - 1;
    }

    @Override
    public List<RegistryValue> values() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Exchange Online inbound connector '" + connector + "' expects a certificate for '" + expected + "'; the "
                + basis + " presents " + String.join(", ", presented) + (matches ? " (matches)" : " (no match)");
    }
}
