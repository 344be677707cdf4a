package io.mailflowkb.rules.derive;

import java.util.Locale;

/**
 * A connector's {@code TlsCertificateName} parsed as HealthChecker's {@code Get-ExchangeConnectorCustomObject}
 * does (finding connector-tls-certificate-missing in knowledge/, docs/healthchecker.md): the recommended
 * {@code <I>issuer<S>subject} form (tags matched
 * case-insensitively), else a fallback that takes the first {@code CN=} as the start of the issuer and the last as
 * the start of the subject. When neither tags nor {@code CN=} are present the syntax is invalid.
 *
 * @param issuer     the issuer part, or {@code null} when the syntax is invalid
 * @param subject    the subject part, or {@code null} when the syntax is invalid
 * @param goodSyntax the {@code <I>...<S>...} tags are present (HealthChecker's GoodTlsCertificateSyntax)
 */
public record TlsCertificateName(String text, String issuer, String subject, boolean goodSyntax) {

    public static TlsCertificateName parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int i = lower.indexOf("<i>");
        int s = lower.indexOf("<s>");
        if (i >= 0 && s > i) {
            return new TlsCertificateName(text, text.substring(i + 3, s), text.substring(s + 3), true);
        }
        int first = lower.indexOf("cn=");
        int last = lower.lastIndexOf("cn=");
        if (first < 0) {
            return new TlsCertificateName(text, null, null, false);
        }
        return new TlsCertificateName(text, text.substring(first, last), text.substring(last), false);
    }

    public boolean syntaxInvalid() {
        return issuer == null;
    }

    /** HealthChecker compares with PowerShell's {@code -eq}: case-insensitive; spacing after commas is normalised. */
    public boolean names(String certIssuer, String certSubject) {
        return !syntaxInvalid() && same(issuer, certIssuer) && same(subject, certSubject);
    }

    /** The subject's common name ({@code CN=mail.contoso.com, O=...} gives {@code mail.contoso.com}), or null. */
    public String subjectCommonName() {
        return subject == null ? null : commonName(subject);
    }

    static String commonName(String dn) {
        for (String part : dn.split(",")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                return p.substring(3).strip();
            }
        }
        return null;
    }

    static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    static String normal(String dn) {
        return dn.strip().replaceAll("\\s*,\\s*", ",").toLowerCase(Locale.ROOT);
    }
}
