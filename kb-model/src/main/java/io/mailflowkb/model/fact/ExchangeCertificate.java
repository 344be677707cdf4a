package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One certificate on the Exchange server ({@code Get-ExchangeCertificate}). Subject and issuer are in the
 * {@code CN=a, O=b} form Windows shows; dates are ISO-8601 instants (UTC).
 *
 * @param services    the Exchange services it is enabled for ({@code SMTP}, {@code IIS}, ...); {@code null} when the
 *                    input does not carry them (the Exchange Management Shell's Export-Clixml keeps them only in a
 *                    binary blob)
 * @param status      {@code Valid}, {@code DateInvalid}, {@code Invalid}, ...; {@code null} when not shown
 * @param collectedAt when the evidence was collected (the export, or HealthChecker's GenerationTime): expiry is
 *                    judged at that moment, so a bundle diagnosed later gives the same answer
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExchangeCertificate(String thumbprint, String subject, String issuer, List<String> domains,
                                  String notBefore, String notAfter, List<String> services, String status,
                                  Boolean hasPrivateKey, Boolean selfSigned, String rootCaType, String collectedAt,
                                  Provenance source) implements Fact {

    public ExchangeCertificate {
        thumbprint = ConnectorValues.text(thumbprint);
        subject = ConnectorValues.text(subject);
        issuer = ConnectorValues.text(issuer);
        domains = ConnectorValues.list(domains);
        services = services == null ? null : ConnectorValues.list(services);
        status = ConnectorValues.text(status);
        rootCaType = ConnectorValues.text(rootCaType);
        if (thumbprint == null && subject == null) {
            throw new IllegalArgumentException("certificate without thumbprint or subject");
        }
        instant(notAfter, "notAfter");
        instant(notBefore, "notBefore");
        instant(collectedAt, "collectedAt");
    }

    /** Whole days from collection to NotAfter (negative once expired, like HealthChecker's {@code .Days}). */
    @JsonIgnore
    public Long daysLeft() {
        Instant end = instant(notAfter, "notAfter");
        Instant at = instant(collectedAt, "collectedAt");
        return end == null || at == null ? null : Duration.between(at, end).toDays();
    }

    /** Whether it was expired or not yet valid when collected; {@code null} when the dates are not known. */
    @JsonIgnore
    public Boolean outsideValidity() {
        Instant at = instant(collectedAt, "collectedAt");
        Instant end = instant(notAfter, "notAfter");
        Instant start = instant(notBefore, "notBefore");
        if (at == null || end == null) {
            return null;
        }
        return at.isAfter(end) || start != null && at.isBefore(start);
    }

    /** Whether it is enabled for SMTP; {@code null} when the input does not show the services. */
    @JsonIgnore
    public Boolean smtp() {
        return services == null ? null : ConnectorValues.containsIgnoreCase(services, "SMTP");
    }

    private static Instant instant(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("certificate " + what + " is not an ISO-8601 instant: '" + text + "'");
        }
    }

    @Override
    public String describe() {
        return "certificate " + (thumbprint == null ? "" : thumbprint + " ") + "subject '" + subject + "' issuer '"
                + issuer + "'" + (notAfter == null ? "" : ", NotAfter " + notAfter)
                + (services == null ? "" : ", Services " + (services.isEmpty() ? "None" : String.join(", ", services)))
                + (status == null ? "" : ", Status " + status);
    }
}
