package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.text.ControlCharacters;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Summarises the certificate chain of the first successful handshake into a {@link ProbeCertificate}.
 * Trust is judged here, against the JDK default trust store, because the probe itself accepts any chain
 * (EXO chains to DigiCert Global Root G2 from March 2026 [S40][S69]).
 */
final class CertificateSummary {

    private CertificateSummary() {
    }

    static ProbeCertificate of(ProbeTarget target, List<X509Certificate> chain, Clock clock, List<X509Certificate> extraAnchors) {
        X509Certificate leaf = chain.get(0);
        Date now = Date.from(clock.instant());
        boolean expired = now.before(leaf.getNotBefore()) || now.after(leaf.getNotAfter());
        List<String> sans = dnsAndIpNames(leaf);
        // names come from the peer: escape control characters where they enter, like the SMTP replies
        List<String> subjects = chain.stream().map(c -> ControlCharacters.escape(
                c.getSubjectX500Principal().getName(X500Principal.RFC2253))).toList();
        PublicKey key = leaf.getPublicKey();
        return new ProbeCertificate(target.display(),
                ControlCharacters.escape(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253)),
                sans.stream().map(ControlCharacters::escape).toList(),
                ControlCharacters.escape(leaf.getIssuerX500Principal().getName(X500Principal.RFC2253)), subjects,
                leaf.getNotBefore().toInstant().toString(), leaf.getNotAfter().toInstant().toString(),
                key.getAlgorithm(), keySize(key), leaf.getSigAlgName(), trusted(chain, now, extraAnchors), expired,
                target.ipLiteral() ? null : nameMatches(target.host(), leaf, sans),
                new Provenance(target.source(), null, "certificate of the first successful handshake"));
    }

    /** The CA certificates in a PEM file ({@code trustCa} option), or none when no file is named. */
    static List<X509Certificate> readAnchors(String pemFile, String source) {
        if (pemFile == null || pemFile.isBlank()) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new InvalidInputException(pemFile, null, "no certificate in the trustCa file");
            }
            return out;
        } catch (IOException | CertificateException e) {
            throw new InvalidInputException(pemFile, null,
                    "cannot read the trustCa certificates for " + source + ": " + e.getMessage());
        }
    }

    /**
     * PKIX validation against the JDK default trust store plus the given anchors (an internal CA the admin names
     * with the probe's {@code trustCa} option), at the request's clock, revocation not checked.
     */
    static Boolean trusted(List<X509Certificate> chain, Date at, List<X509Certificate> extraAnchors) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            Set<TrustAnchor> anchors = new HashSet<>();
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate ca : x.getAcceptedIssuers()) {
                        anchors.add(new TrustAnchor(ca, null));
                    }
                }
            }
            for (X509Certificate ca : extraAnchors) {
                anchors.add(new TrustAnchor(ca, null));
            }
            if (anchors.isEmpty()) {
                return null;
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(at);
            // the path excludes a root the peer sent along: the anchor must come from the trust store
            List<X509Certificate> path = new ArrayList<>(chain);
            if (path.size() > 1 && isSelfIssued(path.get(path.size() - 1))) {
                path.remove(path.size() - 1);
            }
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return true;
        } catch (CertPathValidatorException e) {
            return false;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * RFC 6125 style: DNS SANs when there are any, else the subject CN; a wildcard stands for exactly one whole
     * left-most label ({@code *.contoso.com} matches {@code mail.contoso.com}, not {@code a.b.contoso.com}).
     */
    static boolean nameMatches(String host, X509Certificate leaf, List<String> sans) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alt = leaf.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> n : alt) {
                    if (Integer.valueOf(2).equals(n.get(0))) {
                        names.add(String.valueOf(n.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall back to the CN
        }
        if (names.isEmpty()) {
            String dn = leaf.getSubjectX500Principal().getName(X500Principal.RFC2253);
            for (String rdn : dn.split(",")) {
                if (rdn.strip().toUpperCase(Locale.ROOT).startsWith("CN=")) {
                    names.add(rdn.strip().substring(3));
                }
            }
        }
        String h = normal(host);
        for (String n : names) {
            if (matches(h, normal(n))) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String host, String pattern) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2)) && pattern.indexOf('.', 2) > 0;
        }
        return host.equals(pattern);
    }

    private static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static List<String> dnsAndIpNames(X509Certificate leaf) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> alt = leaf.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> n : alt) {
                    Object type = n.get(0);
                    if (Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) {
                        out.add(String.valueOf(n.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no SANs reported
        }
        return out;
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static Integer keySize(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        if (key instanceof DSAKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        return switch (key.getAlgorithm()) {
            case "Ed25519", "X25519" -> 255;
            case "Ed448", "X448" -> 448;
            default -> null;
        };
    }
}
