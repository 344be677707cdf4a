package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.plugins.psobject.EnumTable;
import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code Get-ExchangeCertificate} objects in every form. Properties shown in the export win (the
 * {@code Select-Object ... | Export-Clixml} form, ConvertTo-Json, Format-List); the DER {@code RawData} fills in
 * subject, issuer, SANs, dates and thumbprint when that is all there is (the Exchange Management Shell's plain
 * Export-Clixml). Services and Status then stay unknown ({@code null}), and the knowledge asks for the form that has
 * them.
 */
final class Certificates {

    private Certificates() {
    }

    static ExchangeCertificate map(PsValue.Obj o, String source, String collectedAt, Consumer<String> warnings) {
        DerCertificate der = der(o.member("RawData"), o.path(), warnings);
        String thumbprint = first(PsText.text(o.member("Thumbprint")), der == null ? null : der.thumbprint());
        String subject = first(PsText.text(o.member("Subject")), der == null ? null : der.subject());
        String issuer = first(PsText.text(o.member("Issuer")), der == null ? null : der.issuer());
        if (thumbprint == null && subject == null) {
            warnings.accept(o.path() + ": a certificate with neither Thumbprint, Subject nor readable RawData: skipped");
            return null;
        }
        List<String> domains = Shapes.list(o.member("CertificateDomains"), Shapes::plain);
        if (domains.isEmpty()) {
            domains = Shapes.list(o.member("DnsNameList"), Shapes::plain);
        }
        if (domains.isEmpty() && der != null) {
            domains = der.dnsNames();
        }
        String notAfter = date(o, "NotAfter", der == null ? null : der.notAfter(), warnings);
        String notBefore = date(o, "NotBefore", der == null ? null : der.notBefore(), warnings);
        PsValue servicesValue = o.member("Services");
        List<String> services = servicesValue == null ? null
                : new ArrayList<>(PsText.flags(servicesValue, EnumTable.CERTIFICATE_SERVICES));
        if (services != null && services.size() == 1 && services.get(0).equalsIgnoreCase("None")) {
            services = List.of();
        }
        Boolean selfSigned = PsText.bool(o.member("IsSelfSigned"));
        if (selfSigned == null && der != null) {
            selfSigned = der.selfSigned();
        }
        return new ExchangeCertificate(thumbprint, subject, issuer, domains, notBefore, notAfter, services,
                PsText.enumValue(o.member("Status"), EnumTable.CERTIFICATE_STATUS), PsText.bool(o.member("HasPrivateKey")),
                selfSigned, PsText.enumValue(o.member("RootCAType"), EnumTable.ROOT_CA_TYPE), collectedAt,
                new Provenance(source, o.line(), o.path()));
    }

    private static String date(PsValue.Obj o, String name, String fallback, Consumer<String> warnings) {
        String text = PsText.text(o.member(name));
        if (text == null) {
            return fallback;
        }
        String instant = PsDates.instant(text);
        if (instant == null) {
            warnings.accept(o.path() + "." + name + ": '" + text + "' is not a date kb can read"
                    + (fallback == null ? "" : "; used the certificate's own date"));
            return fallback;
        }
        return instant;
    }

    private static DerCertificate der(PsValue raw, String path, Consumer<String> warnings) {
        byte[] bytes = bytes(raw);
        if (bytes == null) {
            return null;
        }
        try {
            return DerCertificate.decode(bytes);
        } catch (IllegalArgumentException e) {
            warnings.accept(path + ".RawData: " + e.getMessage());
            return null;
        }
    }

    /** CLIXML {@code <BA>} and Format-List give base64 text; ConvertTo-Json gives an array of byte values. */
    private static byte[] bytes(PsValue raw) {
        if (raw instanceof PsValue.Obj o && !o.items().isEmpty()) {
            byte[] b = new byte[o.items().size()];
            for (int i = 0; i < b.length; i++) {
                Long n = PsText.number(o.items().get(i));
                if (n == null || n < 0 || n > 255) {
                    return null;
                }
                b[i] = (byte) n.intValue();
            }
            return b;
        }
        String text = PsText.text(raw);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
