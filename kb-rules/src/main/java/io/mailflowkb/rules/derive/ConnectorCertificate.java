package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.SendConnector;
import java.util.ArrayList;
import java.util.List;

/**
 * A connector's TlsCertificateName against the certificates on the server, as HealthChecker's connector object
 * judges it (finding connector-tls-certificate-missing in knowledge/, docs/healthchecker.md): one fact per connector,
 * or one per matching certificate.
 *
 * @param kind          {@code send} or {@code receive}
 * @param cloudEnabled  send: CloudServicesMailEnabled; receive: TlsDomainCapabilities set (HealthChecker's CloudEnabled)
 * @param exchangeOnline send: a smart host is Exchange Online; receive: the connector Exchange Online delivers to
 * @param nameStatus    {@code empty}, {@code syntax-invalid}, {@code not-found}, {@code match}, or {@code not-checked}
 *                      (no certificates in the inputs)
 * @param goodSyntax    the {@code <I>...<S>...} form is used
 * @param matchesHybrid equal to Get-HybridConfiguration's TlsCertificateName ({@code null} without one)
 */
public record ConnectorCertificate(String connector, String kind, boolean cloudEnabled, boolean exchangeOnline,
                                   String tlsCertificateName, String nameStatus, boolean goodSyntax, String thumbprint,
                                   Long daysLeft, Boolean outsideValidity, String certificateStatus, Boolean smtp,
                                   Boolean matchesHybrid, int certificatesCollected, Provenance source,
                                   Provenance certificateSource) implements Derived {

    public static List<ConnectorCertificate> derive(List<?> sends, List<?> receives, List<?> certificates,
                                                    List<?> hybrids) {
        // the same objects often arrive twice (a Format-List text and an Export-Clixml of one cmdlet): once each
        List<ExchangeCertificate> certs = distinct(certificates, ConnectorCertificate::certificateKey).stream()
                .map(ExchangeCertificate.class::cast).toList();
        sends = distinct(sends, c -> ((SendConnector) c).name());
        receives = distinct(receives, c -> ((ReceiveConnector) c).identity());
        String hybridName = hybrids.stream().map(h -> ((HybridConfiguration) h).tlsCertificateName())
                .filter(n -> n != null).findFirst().orElse(null);
        List<ConnectorCertificate> out = new ArrayList<>();
        for (Object o : sends) {
            SendConnector c = (SendConnector) o;
            judge(out, c.name(), "send", Boolean.TRUE.equals(c.cloudServicesMailEnabled()), c.toExchangeOnline(),
                    c.tlsCertificateName(), certs, hybridName, c.source());
        }
        for (Object o : receives) {
            ReceiveConnector c = (ReceiveConnector) o;
            judge(out, c.identity(), "receive", c.cloudEnabled(), c.receivesFromExchangeOnline(),
                    c.tlsCertificateName(), certs, hybridName, c.source());
        }
        return out;
    }

    private static String certificateKey(Object o) {
        ExchangeCertificate c = (ExchangeCertificate) o;
        return c.thumbprint() != null ? c.thumbprint() : c.issuer() + "|" + c.subject();
    }

    /** The first of each key, in order; keys compare case-insensitively (Exchange names do). */
    static List<?> distinct(List<?> facts, java.util.function.Function<Object, String> key) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Object> out = new ArrayList<>();
        for (Object f : facts) {
            if (seen.add(String.valueOf(key.apply(f)).toLowerCase(java.util.Locale.ROOT))) {
                out.add(f);
            }
        }
        return out;
    }

    private static void judge(List<ConnectorCertificate> out, String connector, String kind, boolean cloud,
                              boolean exo, String name, List<ExchangeCertificate> certs, String hybridName,
                              Provenance source) {
        if (name == null) {
            out.add(new ConnectorCertificate(connector, kind, cloud, exo, null, "empty", false, null, null, null, null,
                    null, null, certs.size(), source, null));
            return;
        }
        TlsCertificateName parsed = TlsCertificateName.parse(name);
        Boolean hybrid = hybridName == null ? null : TlsCertificateName.normal(hybridName).equals(TlsCertificateName.normal(name));
        if (parsed.syntaxInvalid()) {
            out.add(new ConnectorCertificate(connector, kind, cloud, exo, name, "syntax-invalid", false, null, null,
                    null, null, null, hybrid, certs.size(), source, null));
            return;
        }
        if (certs.isEmpty()) {
            out.add(new ConnectorCertificate(connector, kind, cloud, exo, name, "not-checked", parsed.goodSyntax(), null,
                    null, null, null, null, hybrid, 0, source, null));
            return;
        }
        boolean found = false;
        for (ExchangeCertificate cert : certs) {
            if (parsed.names(cert.issuer(), cert.subject())) {
                found = true;
                out.add(new ConnectorCertificate(connector, kind, cloud, exo, name, "match", parsed.goodSyntax(),
                        cert.thumbprint(), cert.daysLeft(), cert.outsideValidity(), cert.status(), cert.smtp(), hybrid,
                        certs.size(), source, cert.source()));
            }
        }
        if (!found) {
            out.add(new ConnectorCertificate(connector, kind, cloud, exo, name, "not-found", parsed.goodSyntax(), null,
                    null, null, null, null, hybrid, certs.size(), source, null));
        }
    }

    /** Whether the matched certificate is expired, not yet valid or not Valid; {@code null} when unknown. */
    public Boolean certificateInvalid() {
        if (!"match".equals(nameStatus)) {
            return null;
        }
        if (Boolean.TRUE.equals(outsideValidity) || certificateStatus != null && !certificateStatus.equalsIgnoreCase("Valid")) {
            return true;
        }
        return outsideValidity == null && certificateStatus == null ? null : false;
    }

    @Override
    public List<RegistryValue> values() {
        return List.of();
    }

    @Override
    public String describe() {
        String who = kind + " connector '" + connector + "'";
        return switch (nameStatus) {
            case "empty" -> who + " has no TlsCertificateName" + (cloudEnabled ? " (cloud mail enabled)" : "");
            case "syntax-invalid" -> who + ": TlsCertificateName '" + tlsCertificateName
                    + "' is not in the form <I>X.500Issuer<S>X.500Subject";
            case "not-checked" -> who + ": TlsCertificateName '" + tlsCertificateName
                    + "' (the server's certificates are not in the inputs)";
            case "not-found" -> who + ": TlsCertificateName '" + tlsCertificateName + "' matches none of the "
                    + certificatesCollected + " certificates on the server";
            default -> who + " uses certificate " + thumbprint + (daysLeft == null ? "" : ", " + daysLeft + " days left")
                    + (certificateStatus == null ? "" : ", Status " + certificateStatus)
                    + (smtp == null ? "" : smtp ? ", enabled for SMTP" : ", NOT enabled for SMTP")
                    + (goodSyntax ? "" : " (TlsCertificateName lacks the <I>...<S>... form)");
        };
    }
}
