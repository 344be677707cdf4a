package io.mailflowkb.plugins.exchange;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The readable parts of a certificate's DER {@code RawData}, decoded with the JDK's {@link CertificateFactory}: the
 * only part of {@code Get-ExchangeCertificate | Export-Clixml} from the Exchange Management Shell that is not a
 * BinaryFormatter blob (docs/healthchecker.md). Names are in the {@code CN=a, O=b} form Windows shows.
 *
 * @param thumbprint SHA-1 of the DER bytes, upper-case hex, as Windows shows it
 * @param dnsNames   the DNS names of the subject alternative name extension
 */
record DerCertificate(String thumbprint, String subject, String issuer, List<String> dnsNames, String notBefore,
                      String notAfter, boolean selfSigned) {

    /** @throws IllegalArgumentException when the bytes are not an X.509 certificate */
    static DerCertificate decode(byte[] der) {
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            List<String> dns = new ArrayList<>();
            if (c.getSubjectAlternativeNames() != null) {
                for (List<?> san : c.getSubjectAlternativeNames()) {
                    if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0))) {
                        dns.add(String.valueOf(san.get(1)));
                    }
                }
            }
            String thumb = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
            String subject = c.getSubjectX500Principal().toString();
            String issuer = c.getIssuerX500Principal().toString();
            return new DerCertificate(thumb, subject, issuer, dns, c.getNotBefore().toInstant().toString(),
                    c.getNotAfter().toInstant().toString(), c.getSubjectX500Principal().equals(c.getIssuerX500Principal()));
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable subject alternative names: " + e.getMessage(), e);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("RawData is not an X.509 certificate", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
